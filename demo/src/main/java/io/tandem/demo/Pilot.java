package io.tandem.demo;

import io.tandem.app.Tandem;
import io.tandem.core.application.survey.SurveyJob;
import io.tandem.core.application.survey.Surveys;
import io.tandem.core.schedule.ReminderJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A whole pilot program played through Tandem in compressed time: people enrol through the forms,
 * the admin matches them, and then the weeks pass an hour at a time. Each hour Quartz runs the
 * reminder and survey jobs on the moved clock, the outbox delivers what they queued, and the
 * simulated people react to what they receive the way real ones would: most pairs meet and log
 * their sessions, set goals and answer the pulse survey; one pair goes quiet.
 */
final class Pilot {

  static final String ADMIN = "maya";
  static final String PROGRAM = "Spring pilot";
  static final String SURVEY = "monthly-pulse";

  /** The survey with a form: several questions and a free-text one, which needs 10 answers. */
  static final String FORM_SURVEY = "mid-program";

  /** How long the compressed part of the pilot runs. */
  static final int WEEKS = 5;

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

  /** Something a person will do at a given (simulated) time. */
  private record Action(Instant at, long order, Runnable doIt) {}

  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

  /** The form survey's questions, as the transcript names them. */
  private static final List<String> FORM_SURVEY_LABELS =
      List.of("learning", "meeting as planned", "would help most:", "anything else:");

  private static final List<String> CHOICES =
      List.of("More time", "A clearer agenda", "A different format", "Nothing");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final SimulatedChat chat;
  private final Tandem tandem;
  private final ShiftableClock clock;
  private final List<SamplePeople.Person> people;
  private final Random random;
  private final PrintWriter out;
  private final Path chartFolder;
  private int filesSeen;
  private final PriorityQueue<Action> agenda =
      new PriorityQueue<>(Comparator.comparing(Action::at).thenComparing(Action::order));
  private long actions;
  private int deliveredSeen;
  private List<Pair> pairs = List.of();
  private Pair quiet;
  private int sessionsLogged;
  private int reminders;
  private int nudges;
  private int adminAlerts;
  private int surveyAnswers;
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
    this.tandem = tandem;
    this.clock = clock;
    this.people = people;
    this.random = new Random(seed);
    this.out = out;
    this.chartFolder = chartFolder;
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
    heading("Setting up: the admin creates the pilot and opens it for enrolment");
    say(ADMIN, "program create " + PROGRAM + " every 1w for 12w cap 40", 0);
    say(ADMIN, "program open " + PROGRAM, 0);

    heading(people.size() + " people enrol through the profile form");
    enrol();

    heading("Matching: the admin previews the pairs, swaps two mentors and approves");
    say(ADMIN, "match preview " + PROGRAM, 14);
    List<Pair> proposed = pairs();
    if (proposed.size() >= 2) {
      Pair a = proposed.get(proposed.size() - 2);
      Pair b = proposed.get(proposed.size() - 1);
      say(ADMIN, "match swap " + chat.mention(a.mentor()) + " " + chat.mention(b.mentor()), 6);
    }
    say(ADMIN, "match approve " + PROGRAM, 4);
    pairs = pairs();
    quiet = pairs.get(pairs.size() - 1);
    settle();
    react();
    out.println();
    say(ADMIN, "program start " + PROGRAM, 2);

    heading(
        WEEKS
            + " weeks in compressed time: reminders at each person's local hour, sessions,"
            + " goals, a pulse survey, and one pair ("
            + quiet.mentor()
            + " and "
            + quiet.mentee()
            + ") that goes quiet");
    planLearningPlans();
    Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS);
    Instant end = start.plus(Duration.ofDays(7L * WEEKS));
    Instant surveyAt = firstDay(start.plus(Duration.ofDays(13))).plus(Duration.ofHours(1));
    Instant resultsAt = surveyAt.plus(Duration.ofDays(6));
    at(surveyAt, () -> say(ADMIN, "survey send " + SURVEY + " " + PROGRAM, 4));
    at(resultsAt, () -> surveyResults = say(ADMIN, "survey results 1", 30));
    Instant formSurveyAt = surveyAt.plus(Duration.ofDays(7));
    at(formSurveyAt, () -> say(ADMIN, "survey send " + FORM_SURVEY + " " + PROGRAM, 4));
    at(formSurveyAt.plus(Duration.ofDays(8)), () -> say(ADMIN, "survey results 2", 30));
    for (Instant hour = start.plus(Duration.ofHours(1));
        !hour.isAfter(end);
        hour = hour.plus(Duration.ofHours(1))) {
      clock.shift(Duration.between(clock.instant(), hour));
      if (hour.atZone(ZoneOffset.UTC).getHour() == 0) {
        progress(hour, start);
      }
      tandem.runJobNow(ReminderJob.KEY);
      tandem.runJobNow(SurveyJob.KEY);
      settle();
      react();
      while (!agenda.isEmpty() && !agenda.peek().at().isAfter(hour)) {
        agenda.poll().doIt().run();
        settle();
        react();
      }
    }
    heading("The report: the admin reads how the pilot is going");
    String report = say(ADMIN, "report " + PROGRAM, 0);
    settle();
    react();
    List<Path> charts = saveCharts();
    out.println();
    out.println("The charts Tandem sent are in " + chartFolder + ":");
    charts.forEach(chart -> out.println("  " + chart.getFileName()));

    heading("The pilot so far");
    out.println(
        counted(people.size(), "person", "people")
            + " in "
            + counted(pairs.size(), "pair", "pairs")
            + " · "
            + tally()
            + " · "
            + counted(surveyAnswers, "survey answer", "survey answers"));
    out.flush();
    return new Outcome(
        people.size(),
        pairs.size(),
        sessionsLogged,
        reminders,
        nudges,
        adminAlerts,
        surveyAnswers,
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
    out.println();
  }

  /** Each pair writes down a goal in the first days, with a task or two, and ticks some off. */
  private void planLearningPlans() {
    Instant monday = clock.instant();
    for (Pair pair : pairs) {
      if (pair.equals(quiet)) {
        continue;
      }
      // the introduction suggests a first session within the week; most pairs hold it
      at(
          workingHour(monday.plus(Duration.ofDays(2 + random.nextInt(3))), 13),
          () -> logSession(pair.mentor()));
      SamplePeople.Person mentee = person(pair.mentee());
      String skill = first(mentee.skills().get("learn"));
      LocalDate by = monday.atZone(ZoneOffset.UTC).toLocalDate().plusWeeks(10);
      Instant goalAt = workingHour(monday.plus(Duration.ofDays(random.nextInt(3))), 10);
      at(
          goalAt,
          () -> say(pair.mentee(), "goal add Start using " + skill + " at work by " + by, 1));
      at(
          goalAt.plus(Duration.ofHours(2)),
          () ->
              say(
                  pair.mentor(),
                  "task add 1 Show " + pair.mentee() + " my favourite " + skill + " examples",
                  1));
      if (random.nextInt(10) < 7) {
        Instant doneAt = workingHour(goalAt.plus(Duration.ofDays(14 + random.nextInt(10))), 15);
        at(doneAt, () -> say(pair.mentor(), "task done 1", 1));
        if (random.nextBoolean()) {
          at(doneAt.plus(Duration.ofHours(1)), () -> say(pair.mentee(), "goal done 1", 1));
        }
      }
    }
  }

  private static String first(String commaSeparated) {
    return commaSeparated.split(",")[0].replaceAll("\\s+\\d$", "").strip();
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
      String text = message.text();
      if (text.contains("Time to meet")) {
        reminders++;
        message.to().forEach(this::plannedMeeting);
      } else if (text.contains("gentle nudge") || text.contains("another nudge")) {
        nudges++;
      }
      if (message.to().contains(ADMIN) && text.contains("needs attention")) {
        adminAlerts++;
      }
      if (message.buttons().stream().anyMatch(b -> b.label().equals("5"))) {
        answerSurvey(message);
      }
      message.buttons().stream()
          .filter(b -> b.actionId().equals(Surveys.OPEN_ACTION))
          .findFirst()
          .filter(b -> !text.contains("Reminder:"))
          .ifPresent(b -> fillSurveyForm(message.to(), b));
    }
    // what the admin receives is worth reading in full; the rest is one line each
    Transcript.deliveredInOrder(fresh, ADMIN).forEach(out::println);
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
    List<SimulatedChat.File> files = chat.files();
    for (int i = 0; i < files.size(); i++) {
      Path file =
          chartFolder.resolve(String.format(Locale.ROOT, "%02d-%s", i + 1, files.get(i).name()));
      Files.write(file, files.get(i).bytes());
      saved.add(file);
    }
    return saved;
  }

  /** Most mentors log a session one to three days after their reminder; the quiet pair never. */
  private void plannedMeeting(String person) {
    Optional<Pair> pair = pairs.stream().filter(p -> p.mentor().equals(person)).findFirst();
    if (pair.isEmpty() || pair.get().equals(quiet) || random.nextInt(10) >= 9) {
      return;
    }
    Instant when =
        workingHour(
            clock.instant().plus(Duration.ofDays(1 + random.nextInt(3))), 11 + random.nextInt(5));
    at(when, () -> logSession(person));
  }

  private void logSession(String mentor) {
    int minutes = 30 + 15 * random.nextInt(5);
    String topic = first(person(mentor).skills().get("teach"));
    if (say(mentor, "log " + minutes + "m " + topic, 1).contains("Logged")) {
      sessionsLogged++;
    }
  }

  private void answerSurvey(SimulatedChat.Delivered message) {
    for (String person : message.to()) {
      if (random.nextInt(10) >= 8) {
        continue;
      }
      SimulatedChat.Button choice =
          message.buttons().stream()
              .filter(b -> b.label().matches("[1-5]"))
              .skip(2 + random.nextInt(3))
              .findFirst()
              .orElseThrow();
      at(
          workingHour(clock.instant().plus(Duration.ofHours(random.nextInt(30))), 10),
          () -> {
            out.println(Transcript.clicked(person, choice.label()));
            out.println(Transcript.answered(chat.click(person, choice)));
            surveyAnswers++;
          });
    }
  }

  /**
   * Most people answer the form within a day; few write something in the free-text box, so its
   * answers stay hidden under the anonymity threshold.
   */
  private void fillSurveyForm(List<String> people, SimulatedChat.Button open) {
    for (String person : people) {
      if (random.nextInt(10) >= 8) {
        continue;
      }
      Map<String, String> answers = new LinkedHashMap<>();
      answers.put("q1", Integer.toString(3 + random.nextInt(3)));
      answers.put("q2", Integer.toString(2 + random.nextInt(4)));
      answers.put("q3", CHOICES.get(random.nextInt(CHOICES.size())));
      answers.put("q4", random.nextInt(6) == 0 ? "More examples from my own team, please" : "");
      Map<String, String> shown = new LinkedHashMap<>();
      for (int q = 0; q < FORM_SURVEY_LABELS.size(); q++) {
        shown.put(FORM_SURVEY_LABELS.get(q), answers.get("q" + (q + 1)));
      }
      at(
          workingHour(clock.instant().plus(Duration.ofHours(random.nextInt(30))), 14),
          () -> {
            SimulatedChat.Answer form = chat.clickForForm(person, open.actionId(), open.value());
            out.println(Transcript.clicked(person, open.label()));
            if (!form.hasForm()) {
              out.println(Transcript.answered(form, 1));
              return;
            }
            out.println(Transcript.filledIn(shown));
            out.println(Transcript.answered(chat.fill(person, form, answers), 1));
            surveyAnswers++;
          });
    }
  }

  private String say(String person, String command, int maxLines) {
    Optional<String> typed = chat.typed(command);
    if (typed.isEmpty()) {
      return "";
    }
    SimulatedChat.Answer answer = chat.run(person, command);
    out.println(Transcript.said(person, typed.get()));
    out.println(Transcript.answered(answer, maxLines));
    out.flush();
    return answer.text();
  }

  private void at(Instant when, Runnable doIt) {
    agenda.add(new Action(when, actions++, doIt));
  }

  /** {@code hour}:00 UTC on the day of {@code day}, moved to Monday when it falls on a weekend. */
  private static Instant workingHour(Instant day, int hour) {
    ZonedDateTime at = day.atZone(ZoneOffset.UTC).withHour(hour).truncatedTo(ChronoUnit.HOURS);
    while (at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY) {
      at = at.plusDays(1);
    }
    return at.toInstant();
  }

  private SamplePeople.Person person(String name) {
    return people.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /** Waits until the outbox has delivered everything due. */
  private void settle() throws Exception {
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

  private void heading(String title) {
    out.println();
    out.println("── " + title + " ──");
    out.println();
    out.flush();
  }

  private void progress(Instant now, Instant start) {
    long day = Duration.between(start, now).toDays();
    out.printf(
        Locale.ENGLISH,
        "%n▸ week %d of %d · %s · %s%n",
        day / 7 + 1,
        WEEKS,
        DAY.format(now.atZone(ZoneOffset.UTC)),
        tally());
    out.flush();
  }

  /** What the pilot has produced so far, for the progress line and the summary. */
  private String tally() {
    return String.join(
        " · ",
        counted(sessionsLogged, "session", "sessions") + " logged",
        counted(reminders, "reminder", "reminders"),
        counted(nudges, "nudge", "nudges"),
        counted(adminAlerts, "admin alert", "admin alerts"));
  }

  private static String counted(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /** A person's handle from the name the platform shows (Discord capitalises it). */
  private static String handle(String displayName) {
    return displayName.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
  }

  /** The program's pairs, proposed or approved, by their people's names. */
  private List<Pair> pairs() {
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT mm.display_name, me.display_name FROM mentoring_pair p"
                    + " JOIN participant a ON a.id = p.mentor_id"
                    + " JOIN member mm ON mm.id = a.member_id"
                    + " JOIN participant b ON b.id = p.mentee_id"
                    + " JOIN member me ON me.id = b.member_id"
                    + " WHERE p.status <> 'ENDED' ORDER BY p.id")) {
      List<Pair> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new Pair(handle(rs.getString(1)), handle(rs.getString(2))));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the pairs", e);
    }
  }
}
