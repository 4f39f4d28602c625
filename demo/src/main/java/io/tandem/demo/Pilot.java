package io.tandem.demo;

import io.tandem.app.Tandem;
import io.tandem.core.programs.ProgramEndJob;
import io.tandem.core.pulse.AskCheckIns;
import io.tandem.core.reminders.ReminderJob;
import io.tandem.core.surveys.SurveyJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

// Long because it is the pilot's script, read top to bottom: each step of the program in order.
/**
 * A whole pilot program played through Tandem in compressed time: people enrol through the forms,
 * the admin matches them, and then the weeks pass an hour at a time. Each hour Quartz runs the
 * reminder and survey jobs on the moved clock, the outbox delivers what they queued, and the
 * simulated people react to what they receive the way real ones would: most pairs meet and log
 * their sessions, set goals, answer the pulse survey and their 30-day check-in; one pair goes
 * quiet, and the program admin ends it, admits the waitlist and matches again; the pilot closes at
 * the end of its length.
 */
final class Pilot {

  static final String ADMIN = "maya";

  /** The HR lead who runs the pilot: its program admin, but no admin of the workspace. */
  static final String PROGRAM_ADMIN = "rhea";

  static final String PROGRAM = "Spring pilot";
  static final String SURVEY = "monthly-pulse";

  /** The survey with a form: several questions and a free-text one, which needs 10 answers. */
  static final String FORM_SURVEY = "mid-program";

  /** How long the pilot runs: its length, played in compressed time up to its close. */
  static final int WEEKS = 6;

  /** What a run of the pilot achieved, for the closing summary and the tests. */
  record Outcome(
      int people,
      int pairs,
      int sessionsLogged,
      int reminders,
      int nudges,
      int adminAlerts,
      int surveyAnswers,
      String surveyResults,
      String report,
      List<Path> charts) {}

  /** One of the approved pairs, by the names of its people. */
  record Pair(String mentor, String mentee) {}

  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final SimulatedChat chat;
  private final Conversation conversation;
  private final Tandem tandem;
  private final ShiftableClock clock;
  private final List<SamplePeople.Person> people;
  private final PrintWriter out;
  private final Path chartFolder;
  private final Agenda agenda = new Agenda();
  private final Tally tally = new Tally();
  private final SimulatedPeople simulated;
  private int filesSeen;
  private int deliveredSeen;
  private List<Pair> pairs = List.of();

  /** Every pair approved during the pilot, the later rounds' included. */
  private int pairsMade;

  private Pair quiet;
  private String surveyResults = "";

  Pilot(
      SimulatedChat chat,
      Tandem tandem,
      ShiftableClock clock,
      List<SamplePeople.Person> people,
      long seed,
      PrintWriter out,
      Path chartFolder) {
    this.chat = chat;
    this.conversation = new Conversation(chat, out);
    this.tandem = tandem;
    this.clock = clock;
    this.people = people;
    this.out = out;
    this.chartFolder = chartFolder;
    PilotOutcomes outcomes = new PilotOutcomes(chat, tandem, out);
    this.simulated = new SimulatedPeople(chat, clock, people, seed, agenda, tally, out, outcomes);
  }

  /** When the pilot's first day starts, UTC. */
  static final java.time.LocalTime FIRST_HOUR = java.time.LocalTime.of(8, 0);

  /** Monday 08:00 UTC of the week after {@code now}: the pilot's first day. */
  static Instant firstDay(Instant now) {
    return now.atZone(ZoneOffset.UTC)
        .toLocalDate()
        .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
        .atTime(FIRST_HOUR)
        .toInstant(ZoneOffset.UTC);
  }

  /** The admin asks for the dashboard of the pilot; returns Tandem's answer. */
  String dashboard() throws Exception {
    out.println();
    String answer = say(ADMIN, "dashboard " + PROGRAM, 0);
    out.println();
    return answer;
  }

  Outcome play() throws Exception {
    conversation.heading(
        "Setting up: the admin creates the pilot with room for "
            + people.size()
            + ", opens it, and makes "
            + PROGRAM_ADMIN
            + " from HR (no workspace admin) its program admin");
    say(
        ADMIN,
        "program create " + PROGRAM + " every 1w for " + WEEKS + "w cap " + people.size(),
        0);
    say(ADMIN, "program open " + PROGRAM, 0);
    chat.offerAdminCommands(PROGRAM_ADMIN);
    say(ADMIN, "program admins add " + chat.mention(PROGRAM_ADMIN) + " " + PROGRAM, 0);
    settle();
    react();

    conversation.heading(
        people.size() + " people enrol through the profile form; one more joins late and waits");
    enrol();
    PilotGuidance.tweakFirstSession(chat, conversation, out);
    match();
    conversation.heading(
        WEEKS
            + " weeks in compressed time: reminders at each person's local hour, sessions,"
            + " goals, a pulse survey, one pair ("
            + quiet.mentor()
            + " and "
            + quiet.mentee()
            + ") that goes quiet, "
            + PROGRAM_ADMIN
            + " re-pairing it and admitting the waitlist, and the pilot's close");
    simulated.planLearningPlans();
    passTheWeeks();
    return report();
  }

  /** The admin previews the pairs, swaps two mentors, approves and starts the program. */
  private void match() throws Exception {
    conversation.heading("Matching: the admin previews the pairs, swaps two mentors and approves");
    say(ADMIN, "match preview " + PROGRAM, 14);
    List<Pair> proposed = PilotPairs.of(tandem);
    if (proposed.size() >= 2) {
      Pair a = proposed.get(proposed.size() - 2);
      Pair b = proposed.get(proposed.size() - 1);
      say(ADMIN, "match swap " + chat.mention(a.mentor()) + " " + chat.mention(b.mentor()), 6);
    }
    say(ADMIN, "match approve " + PROGRAM, 4);
    pairs = PilotPairs.of(tandem);
    quiet = pairs.get(pairs.size() - 1);
    pairsMade = pairs.size();
    simulated.paired(pairs, quiet);
    settle();
    react();
    out.println();
    say(ADMIN, "program start " + PROGRAM, 2);
  }

  /**
   * The program admin acts on the quiet pair's alert: ends it with a reason, raises the cap so the
   * late joiner is admitted, and runs a match round that re-pairs both and gives a mentor with room
   * a second mentee.
   */
  private void programAdminSteps() {
    conversation.heading(
        PROGRAM_ADMIN
            + ", the program admin, ends the quiet pair, raises the cap and matches again");
    say(
        PROGRAM_ADMIN,
        "pair end "
            + chat.mention(quiet.mentor())
            + " "
            + chat.mention(quiet.mentee())
            + " they have not met in four weeks",
        2);
    say(PROGRAM_ADMIN, "program waitlist " + PROGRAM, 4);
    say(PROGRAM_ADMIN, "program edit " + PROGRAM + " cap " + (people.size() + 1), 4);
    settleAndReact();
    say(PROGRAM_ADMIN, "match preview " + PROGRAM, 12);
    say(PROGRAM_ADMIN, "match approve " + PROGRAM, 4);
    List<Pair> before = pairs;
    pairs = PilotPairs.of(tandem);
    List<Pair> fresh = pairs.stream().filter(p -> !before.contains(p)).toList();
    pairsMade += fresh.size();
    simulated.rePaired(pairs, fresh);
    settleAndReact();
  }

  private void settleAndReact() {
    try {
      settle();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Tandem delivered", e);
    }
    react();
  }

  /**
   * The weeks pass an hour at a time: Quartz runs the reminder and survey jobs on the moved clock,
   * the outbox delivers, and the people do what they planned for that hour; the admin sends the two
   * surveys and reads their results.
   */
  private void passTheWeeks() throws Exception {
    Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS);
    Instant end = start.plus(Duration.ofDays(7L * WEEKS));
    Instant surveyAt = firstDay(start.plus(Duration.ofDays(13))).plus(Duration.ofHours(1));
    Instant resultsAt = surveyAt.plus(Duration.ofDays(6));
    agenda.at(surveyAt, () -> say(ADMIN, "survey send " + SURVEY + " " + PROGRAM, 4));
    agenda.at(resultsAt, () -> surveyResults = say(ADMIN, "survey results 1", 30));
    Instant formSurveyAt = surveyAt.plus(Duration.ofDays(7));
    agenda.at(formSurveyAt, () -> say(ADMIN, "survey send " + FORM_SURVEY + " " + PROGRAM, 4));
    agenda.at(formSurveyAt.plus(Duration.ofDays(8)), () -> say(ADMIN, "survey results 2", 30));
    Pair generous = pairs.get(0);
    agenda.at(
        start.plus(Duration.ofDays(8)).plus(Duration.ofHours(2)),
        () -> simulated.takeSecondMentee(generous.mentor()));
    agenda.at(start.plus(Duration.ofDays(29)).plus(Duration.ofHours(1)), this::programAdminSteps);
    for (Instant hour = start.plus(Duration.ofHours(1));
        !hour.isAfter(end);
        hour = hour.plus(Duration.ofHours(1))) {
      clock.shift(Duration.between(clock.instant(), hour));
      if (hour.atZone(ZoneOffset.UTC).getHour() == 0) {
        progress(hour, start);
      }
      tandem.runJobNow(ReminderJob.KEY);
      tandem.runJobNow(SurveyJob.KEY);
      tandem.runJobNow(AskCheckIns.KEY);
      tandem.runJobNow(ProgramEndJob.KEY);
      settle();
      react();
      while (agenda.dueBy(hour)) {
        agenda.next().run();
        settle();
        react();
      }
    }
  }

  /** The admin reads the report; its charts are saved, and the pilot is summed up. */
  private Outcome report() throws Exception {
    conversation.heading("The report: the admin reads the closed pilot's numbers and charts");
    String report = say(ADMIN, "report " + PROGRAM, 0);
    settle();
    react();
    List<Path> charts = saveCharts();
    out.println();
    out.println("The charts Tandem sent are in " + chartFolder + ":");
    charts.forEach(chart -> out.println("  " + chart.getFileName()));

    conversation.heading("The pilot at its close");
    int everyone = people.size() + 1;
    out.println(
        Tally.counted(everyone, "person", "people")
            + " in "
            + Tally.counted(pairsMade, "pair", "pairs")
            + " · "
            + tally.line()
            + " · "
            + Tally.counted(tally.surveyAnswers, "survey answer", "survey answers"));
    out.flush();
    return new Outcome(
        everyone,
        pairsMade,
        tally.sessionsLogged,
        tally.reminders,
        tally.nudges,
        tally.adminAlerts,
        tally.surveyAnswers,
        surveyResults,
        report,
        charts);
  }

  private void enrol() throws Exception {
    for (int i = 0; i < people.size(); i++) {
      SamplePeople.Person person = people.get(i);
      if (i < 2) {
        out.println(
            Transcript.said(
                person.name(), chat.typed("join " + person.role() + " " + PROGRAM).orElseThrow()));
        out.println(Transcript.filledIn(person));
        out.println(Transcript.answered(chat.enrol(person, PROGRAM)));
        out.println();
      } else {
        SimulatedChat.Answer answer = chat.enrol(person, PROGRAM);
        out.println(Transcript.joined(person, answer));
      }
      // the welcome message follows the joining, before the next person joins
      settle();
      react();
    }
    SamplePeople.Person late = SamplePeople.LATE_JOINER;
    SimulatedChat.Answer waits = chat.enrol(late, PROGRAM);
    out.println(Transcript.joined(late, waits));
    out.println(Transcript.answered(waits, 2));
    settle();
    react();
    out.println();
  }

  /** Reacts to what Tandem delivered since last time, and prints it. */
  private void react() {
    List<SimulatedChat.Delivered> all = chat.delivered();
    // Deliveries to different people run in parallel, so their order varies from run to run;
    // each person's own messages arrive in the order Tandem sent them. Grouped by recipient and
    // in arrival order within a group, the same seed plays and prints the same pilot.
    List<SimulatedChat.Delivered> fresh =
        all.subList(deliveredSeen, all.size()).stream()
            .sorted(Comparator.comparing((SimulatedChat.Delivered m) -> String.join(",", m.to())))
            .toList();
    deliveredSeen = all.size();
    for (SimulatedChat.Delivered message : fresh) {
      simulated.received(message);
    }
    // what the admin receives is worth reading in full; the rest is one line each
    Transcript.deliveredInOrder(fresh, ADMIN).forEach(out::println);
    PilotGuidance.firstAgenda(all, fresh).forEach(out::println);
    List<SimulatedChat.File> files = chat.files();
    String lastComment = null;
    for (SimulatedChat.File file : files.subList(filesSeen, files.size())) {
      // files uploaded together share their message's text
      if (file.comment() != null
          && !file.comment().isBlank()
          && !file.comment().equals(lastComment)) {
        out.println(Transcript.delivered(ADMIN, file.comment()));
        lastComment = file.comment();
      }
      out.println(Transcript.attached(file));
    }
    filesSeen = files.size();
    out.flush();
  }

  /** Writes every chart Tandem sent (survey results, the report) to the chart folder. */
  private List<Path> saveCharts() throws IOException {
    Files.createDirectories(chartFolder);
    List<Path> saved = new ArrayList<>();
    List<SimulatedChat.File> files = chat.charts();
    for (int i = 0; i < files.size(); i++) {
      Path file =
          chartFolder.resolve(String.format(Locale.ROOT, "%02d-%s", i + 1, files.get(i).name()));
      Files.write(file, files.get(i).bytes());
      saved.add(file);
    }
    return saved;
  }

  private String say(String person, String command, int maxLines) {
    return conversation.say(person, command, maxLines);
  }

  /** Waits until the outbox has delivered everything due. */
  private void settle() throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    long pauseMillis = 1;
    while (!tandem.outboxDeliveredBy(clock.instant())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Tandem still had messages to deliver after " + SETTLE_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(pauseMillis);
      pauseMillis = Math.min(2 * pauseMillis, 20);
    }
  }

  private void progress(Instant now, Instant start) {
    long day = Duration.between(start, now).toDays();
    out.printf(
        Locale.ENGLISH,
        "%n▸ week %d of %d · %s · %s%n",
        day / 7 + 1,
        WEEKS,
        DAY.format(now.atZone(ZoneOffset.UTC)),
        tally.line());
    out.flush();
  }
}
