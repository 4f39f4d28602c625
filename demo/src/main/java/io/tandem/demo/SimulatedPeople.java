package io.tandem.demo;

import static io.tandem.demo.Agenda.workingHour;

import io.tandem.core.surveys.SurveysFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The pilot's people as they behave: each pair plans its learning, and each person reacts to what
 * Tandem sends the way real ones would (most mentors log a session after their reminder, most
 * people answer surveys; the quiet pair never meets). Every choice comes from one seeded random, in
 * the order the messages arrive, so the same seed plays the same pilot.
 */
final class SimulatedPeople {

  /** The form survey's questions, as the transcript names them. */
  private static final List<String> FORM_SURVEY_LABELS =
      List.of("learning", "meeting as planned", "would help most:", "anything else:");

  private static final List<String> CHOICES =
      List.of("More time", "A clearer agenda", "A different format", "Nothing");

  private final SimulatedChat chat;
  private final Conversation conversation;
  private final ShiftableClock clock;
  private final List<SamplePeople.Person> people;
  private final Random random;
  private final Agenda agenda;
  private final Tally tally;
  private final PrintWriter out;
  private final PilotCheckIns checkIns;
  private final PilotCalendar calendar;
  private final PilotAgreement agreement;
  private final PilotOutcomes outcomes;
  private List<Pilot.Pair> pairs = List.of();
  private Pilot.Pair quiet;

  SimulatedPeople(
      SimulatedChat chat,
      ShiftableClock clock,
      List<SamplePeople.Person> people,
      long seed,
      Agenda agenda,
      Tally tally,
      PrintWriter out,
      PilotOutcomes outcomes) {
    this.chat = chat;
    this.conversation = new Conversation(chat, out);
    this.clock = clock;
    this.people = people;
    this.random = new Random(seed);
    this.agenda = agenda;
    this.tally = tally;
    this.out = out;
    this.checkIns = new PilotCheckIns(chat, clock, random, agenda, tally, out);
    this.calendar = new PilotCalendar(chat, out);
    this.agreement = new PilotAgreement(chat, clock, people, agenda, out);
    this.outcomes = outcomes;
  }

  /** The approved pairs, and the one that will go quiet. */
  void paired(List<Pilot.Pair> pairs, Pilot.Pair quiet) {
    this.pairs = pairs;
    this.quiet = quiet;
    agreement.paired(pairs, quiet);
  }

  /**
   * The pairs after a later match round; each new pair holds its first session two or three days
   * after its introduction.
   */
  void rePaired(List<Pilot.Pair> now, List<Pilot.Pair> fresh) {
    this.pairs = now;
    agreement.paired(now, quiet);
    for (Pilot.Pair pair : fresh) {
      agenda.at(
          workingHour(clock.instant().plus(Duration.ofDays(2 + random.nextInt(2))), 13),
          () -> logSession(pair));
    }
  }

  /** A mentor doing well reopens her profile and says she can take a second mentee. */
  void takeSecondMentee(String mentor) {
    SamplePeople.Person person =
        people.stream().filter(p -> p.name().equals(mentor)).findFirst().orElseThrow();
    out.println(Transcript.said(mentor, chat.typed("profile").orElseThrow()));
    SimulatedChat.Answer about = chat.run(mentor, "profile");
    SimulatedChat.Answer skills = chat.fill(mentor, about, person.about());
    Map<String, String> two = new java.util.HashMap<>(person.skills());
    two.put("capacity", "2");
    out.println(Transcript.filledIn(Map.of("mentees at once", "2 (was 1)")));
    out.println(Transcript.answered(chat.fill(mentor, skills, two), 1));
  }

  /**
   * The program admin sets the targets ({@link PilotOutcomes}); each pair writes down a goal in the
   * first days, with a task or two, and ticks some off; near the end the mentors look back.
   */
  void planLearningPlans() {
    Instant monday = clock.instant();
    outcomes.setTargets();
    agenda.at(
        workingHour(monday.plus(Duration.ofDays(34)), 14), () -> outcomes.mentorsLookBack(pairs));
    for (Pilot.Pair pair : pairs) {
      if (pair.equals(quiet)) {
        continue;
      }
      // the introduction suggests a first session within the week; most pairs hold it
      agenda.at(
          workingHour(monday.plus(Duration.ofDays(2 + random.nextInt(3))), 13),
          () -> logSession(pair));
      SamplePeople.Person mentee = person(pair.mentee());
      String skill = first(mentee.skills().get("learn"));
      LocalDate by = monday.atZone(ZoneOffset.UTC).toLocalDate().plusWeeks(10);
      Instant goalAt = workingHour(monday.plus(Duration.ofDays(random.nextInt(3))), 10);
      agenda.at(
          goalAt,
          () ->
              conversation.say(
                  pair.mentee(), "goal add Start using " + skill + " at work by " + by, 1));
      agenda.at(
          goalAt.plus(Duration.ofHours(2)),
          () ->
              conversation.say(
                  pair.mentor(),
                  "task add 1 Show " + pair.mentee() + " my favourite " + skill + " examples",
                  1));
      if (random.nextInt(10) < 7) {
        Instant doneAt = workingHour(goalAt.plus(Duration.ofDays(14 + random.nextInt(10))), 15);
        agenda.at(doneAt, () -> conversation.say(pair.mentor(), "task done 1", 1));
        if (random.nextBoolean()) {
          agenda.at(
              doneAt.plus(Duration.ofHours(1)), () -> outcomes.goalDone(pair.mentee(), "1", ""));
        }
      }
    }
  }

  /** The people a message reached react to it: plan a meeting, answer a survey, count a nudge. */
  void received(SimulatedChat.Delivered message) {
    String text = message.text();
    calendar.received(message);
    agreement.received(message);
    if (text.contains("Time to meet")) {
      tally.reminders++;
      message.to().forEach(person -> plannedMeeting(person, text));
    } else if (text.contains("gentle nudge") || text.contains("another nudge")) {
      tally.nudges++;
    }
    if (message.to().contains(Pilot.ADMIN) && text.contains("needs attention")) {
      tally.adminAlerts++;
    }
    if (PilotCheckIns.isCheckIn(message)) {
      checkIns.received(message);
    } else if (message.buttons().stream().anyMatch(b -> b.label().equals("5"))) {
      answerSurvey(message);
    }
    message.buttons().stream()
        .filter(b -> b.actionId().equals(SurveysFeature.OPEN_ACTION))
        .findFirst()
        .filter(b -> !text.contains("Reminder:"))
        .ifPresent(b -> fillSurveyForm(message.to(), b));
  }

  private static String first(String commaSeparated) {
    return commaSeparated.split(",")[0].replaceAll("\\s+\\d$", "").strip();
  }

  /**
   * Most mentors log a session one to three days after their reminder, with the partner it names;
   * the quiet pair never.
   */
  private void plannedMeeting(String person, String reminder) {
    Optional<Pilot.Pair> pair =
        pairs.stream()
            .filter(
                p ->
                    p.mentor().equals(person)
                        && reminder.toLowerCase(Locale.ROOT).contains("*" + p.mentee() + "*"))
            .findFirst();
    if (pair.isEmpty() || pair.get().equals(quiet) || random.nextInt(10) >= 9) {
      return;
    }
    Instant when =
        workingHour(
            clock.instant().plus(Duration.ofDays(1 + random.nextInt(3))), 11 + random.nextInt(5));
    agenda.at(when, () -> logSession(pair.get()));
  }

  /**
   * A mentor logs a session on a topic they teach; a mentor with several mentees says with whom.
   */
  private void logSession(Pilot.Pair pair) {
    String mentor = pair.mentor();
    int minutes = 30 + 15 * random.nextInt(5);
    String topic = first(person(mentor).skills().get("teach"));
    boolean several = pairs.stream().filter(p -> p.mentor().equals(mentor)).count() > 1;
    String with = several ? " with " + chat.mention(pair.mentee()) : "";
    if (conversation.say(mentor, "log " + minutes + "m " + topic + with, 1).contains("Logged")) {
      tally.sessionsLogged++;
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
      agenda.at(
          workingHour(clock.instant().plus(Duration.ofHours(random.nextInt(30))), 10),
          () -> {
            out.println(Transcript.clicked(person, choice.label()));
            out.println(Transcript.answered(chat.click(person, choice)));
            tally.surveyAnswers++;
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
      agenda.at(
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
            tally.surveyAnswers++;
          });
    }
  }

  private SamplePeople.Person person(String name) {
    return people.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
