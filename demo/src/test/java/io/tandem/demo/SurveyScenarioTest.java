package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.surveys.SurveysFeature;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pulse surveys played on every platform: the admin sends the shipped surveys, each person gets
 * them as DMs through the outbox and answers with one click or a form; non-respondents are
 * reminded, runs close on time, and results arrive as a DM with a chart per question. Results stay
 * hidden below the anonymity threshold (5) on every path.
 */
@DisplayName("Pulse surveys, on every platform")
class SurveyScenarioTest {

  /** A fifth person, so that the default threshold of 5 can be reached. */
  static final SamplePeople.Person EVE =
      new SamplePeople.Person(
          "eve",
          "mentee",
          Map.of(
              "department", "Legal",
              "band", "4",
              "manager", "",
              "communication", "chat",
              "timezone", "Europe/Berlin"),
          Map.of(
              "teach", "Contracts",
              "learn", "Figma 1",
              "availability", "Mon 9-12",
              "capacity", ""));

  /** A sixth person, who never answers. */
  static final SamplePeople.Person FRED =
      new SamplePeople.Person(
          "fred",
          "mentee",
          Map.of(
              "department", "Sales",
              "band", "5",
              "manager", "",
              "communication", "call",
              "timezone", "Europe/Berlin"),
          Map.of(
              "teach", "Negotiation",
              "learn", "TikTok 1",
              "availability", "Wed 9-12",
              "capacity", ""));

  static final List<String> FIVE = List.of("ana", "ben", "chioma", "dev", "eve");

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private ShiftableClock clock;
  private Instant sentAt;

  /** At noon UTC, inside everyone's sensible local hours, so the DMs go out at once. */
  private void start(SimulatedChat.Kind kind, SamplePeople.Person... more) throws Exception {
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    clock = new ShiftableClock(Duration.between(Instant.now(), noon));
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem = Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    for (SamplePeople.Person person : more) {
      chat.enrol(person);
    }
    sentAt = clock.instant();
  }

  @AfterEach
  void stop() throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      List<String> answeredTwice = chat.answeredTwice();
      chat.close();
      assertThat(answeredTwice).as("requests answered more than once").isEmpty();
    }
  }

  /** Moves time to {@code sent + by} and lets the survey job run there, as Quartz would. */
  private void at(Duration sinceSent) throws Exception {
    Instant at = sentAt.plus(sinceSent);
    clock.shift(Duration.between(clock.instant(), at));
    tandem.surveyJob().run(at);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("send, answer inline and by form, remind, close, results with charts")
  void fullRun(SimulatedChat.Kind kind) throws Exception {
    start(kind, EVE, FRED);

    // WHEN the admin sends the monthly pulse (one question) and the mid-program check (a form)
    SimulatedChat.Answer pulse = chat.run("maya", "survey send monthly-pulse");
    SimulatedChat.Answer check = chat.run("maya", "survey send mid-program");

    // THEN all six get both as DMs
    assertThat(pulse.text()).contains("run #1").contains("6 people");
    assertThat(check.text()).contains("run #2").contains("6 people");
    for (String person : List.of("ana", "ben", "chioma", "dev", "eve", "fred")) {
      assertThat(chat.awaitMessageTo(person, "worth my time")).contains("Monthly pulse");
      assertThat(chat.awaitMessageTo(person, "What would help most now?"))
          .contains("Mid-program check")
          .contains("Answer (4 questions)");
    }

    // WHEN five answer the pulse with one click, and Ana clicks again
    for (String person : FIVE) {
      assertThat(
              chat.click(
                  person, SurveysFeature.ANSWER_ACTION, "1:" + (person.equals("eve") ? 5 : 4)))
          .satisfies(a -> assertThat(a.text()).contains("recorded anonymously"));
    }
    assertThat(chat.click("ana", SurveysFeature.ANSWER_ACTION, "1:1").text())
        .contains("already answered");

    // AND the same five fill in the mid-program form; one first gets a number wrong
    SimulatedChat.Answer wrong =
        chat.fill(
            "ana",
            chat.clickForForm("ana", SurveysFeature.OPEN_ACTION, "2"),
            Map.of("q1", "9", "q2", "4", "q3", "More time", "q4", ""));
    assertThat(wrong.text()).contains("number from 1 to 5");
    for (String person : FIVE) {
      chat.fill(
          person,
          chat.clickForForm(person, SurveysFeature.OPEN_ACTION, "2"),
          Map.of(
              "q1",
              "4",
              "q2",
              person.equals("ana") ? "2" : "5",
              "q3",
              person.equals("ben") ? "A clearer agenda" : "More time",
              "q4",
              "note from " + person));
    }

    // THEN Fred alone is reminded of each run, when its reminder is due
    at(Duration.ofDays(4).plusMinutes(1));
    at(Duration.ofDays(4).plusMinutes(2));
    chat.awaitMessageWithAll("fred", "Reminder:", "Monthly pulse", "worth my time");
    chat.awaitMessageWithAll("fred", "Reminder:", "Mid-program check", "Answer (4 questions)");

    // WHEN both runs close on time, a late click is refused
    at(Duration.ofDays(7).plusMinutes(1));
    assertThat(chat.click("fred", SurveysFeature.ANSWER_ACTION, "1:3").text())
        .contains("answers are no longer accepted");

    // AND the admin asks for the results: they arrive as a DM with a chart
    SimulatedChat.Answer told = chat.run("maya", "survey results 1");
    assertThat(told.privately()).isTrue();
    assertThat(told.text()).contains("direct message").contains("a chart");
    String results = chat.awaitMessageTo("maya", "(run #1, anonymous");
    assertThat(results)
        .contains("5 of 6 answered (83%)")
        .contains("closed")
        .contains("4: 4")
        .contains("5: 1")
        .contains("Mean 4.2");
    List<SimulatedChat.File> pulseCharts = chat.awaitFilesTo("maya", "(run #1, anonymous");
    assertThat(pulseCharts).extracting(SimulatedChat.File::name).containsExactly("survey-1-q1.png");
    assertPng(pulseCharts.get(0));

    // AND the form run has a chart for each of its three scale and choice questions
    assertThat(chat.run("maya", "survey results 2").text()).contains("3 charts");
    String checkResults = chat.awaitMessageTo("maya", "(run #2, anonymous");
    assertThat(checkResults)
        .contains("2: 1")
        .contains("5: 4")
        .contains("More time: 4")
        .contains("A clearer agenda: 1")
        .contains("not enough responses (5 comments; they show from 10)")
        .doesNotContain("note from");
    List<SimulatedChat.File> checkCharts = chat.awaitFilesTo("maya", "(run #2, anonymous");
    assertThat(checkCharts)
        .extracting(SimulatedChat.File::name)
        .containsExactly("survey-2-q1.png", "survey-2-q2.png", "survey-2-q3.png");
    checkCharts.forEach(SurveyScenarioTest::assertPng);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("with 4 respondents no results path reveals anything, in text or chart")
  void thresholdHolds(SimulatedChat.Kind kind) throws Exception {
    start(kind, EVE);
    chat.run("maya", "survey send monthly-pulse");
    chat.run("maya", "survey send mid-program");
    List<String> four = List.of("ana", "ben", "chioma", "dev");

    // WHEN four of five answer both, all alike
    for (String person : four) {
      chat.awaitMessageTo(person, "What would help most now?");
      assertThat(chat.click(person, SurveysFeature.ANSWER_ACTION, "1:4").text())
          .contains("recorded");
      chat.fill(
          person,
          chat.clickForForm(person, SurveysFeature.OPEN_ACTION, "2"),
          Map.of("q1", "2", "q2", "2", "q3", "Nothing", "q4", "secret of " + person));
    }
    // AND both close
    at(Duration.ofDays(7).plusMinutes(1));

    // THEN every results request answers privately with the count only, and no chart is sent
    for (String run : List.of("1", "2")) {
      SimulatedChat.Answer results = chat.run("maya", "survey results " + run);
      assertThat(results.privately()).isTrue();
      assertThat(results.text())
          .contains("4 of 5 answered")
          .contains("not enough responses")
          .doesNotContain("Mean")
          .doesNotContain("4: 4")
          .doesNotContain("2: 4")
          .doesNotContain("Nothing")
          .doesNotContain("secret")
          .doesNotContain("direct message");
    }
    assertThat(chat.run("maya", "survey list").text()).doesNotContain("Mean");
    assertThat(chat.files()).isEmpty();
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a scheduled survey is sent at 10:00 on day 1 in the admin's time zone, not before")
  void scheduledSend(SimulatedChat.Kind kind) throws Exception {
    start(kind, EVE);

    // WHEN the admin schedules the monthly pulse (on Discord, typed as when:monthly on day 1 at
    // 10:00)
    SimulatedChat.Answer scheduled =
        chat.run("maya", "survey schedule monthly-pulse monthly on day 1 at 10:00");

    // THEN it names the first send in the admin's zone
    Matcher first =
        Pattern.compile("\\(([^)]+)\\), schedule #1\\. First send: (\\S+) 10:00")
            .matcher(scheduled.text());
    assertThat(first.find()).as(scheduled.text()).isTrue();
    ZoneId zone = ZoneId.of(first.group(1));
    Instant fire =
        ZonedDateTime.of(LocalDate.parse(first.group(2)).atTime(10, 0), zone).toInstant();
    assertThat(fire.atZone(zone).getDayOfMonth()).isEqualTo(1);

    // WHEN the job runs a minute before: nothing is sent
    at(Duration.between(sentAt, fire).minusMinutes(1));
    assertThat(chat.run("maya", "survey list").text()).doesNotContain("Run #1");

    // WHEN it runs at 10:00 there (twice, as a re-fired trigger would): one run goes out
    at(Duration.between(sentAt, fire).plusSeconds(30));
    at(Duration.between(sentAt, fire).plusSeconds(40));
    SimulatedChat.Answer list = chat.run("maya", "survey list");
    assertThat(list.text()).contains("Run #1: Monthly pulse").doesNotContain("Run #2");
    // AND people get it at their sensible local hour (everyone here is in Europe)
    at(Duration.between(sentAt, fire).plus(Duration.ofHours(1)));
    assertThat(chat.awaitMessageTo("ana", "worth my time")).contains("Monthly pulse");
  }

  private static void assertPng(SimulatedChat.File file) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
      assertThat(image).as(file.name() + " decodes as an image").isNotNull();
      assertThat(image.getWidth()).isEqualTo(800);
      assertThat(image.getHeight()).isEqualTo(500);
    } catch (IOException e) {
      throw new AssertionError(file.name() + " is not a PNG", e);
    }
  }
}
