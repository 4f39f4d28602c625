package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.application.survey.Surveys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pulse surveys played on every platform: the admin sends the shipped monthly pulse, each person
 * gets it as a DM through the outbox and answers with one click; results stay hidden below the
 * anonymity threshold (5).
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

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  /** At noon UTC, inside everyone's sensible local hours, so the DMs go out at once. */
  private void start(SimulatedChat.Kind kind) throws Exception {
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem = Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.enrol(EVE);
  }

  @AfterEach
  void stop() throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      chat.close();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("send, answer by click once, nothing shown at 4 answers, a distribution at 5")
  void sendAnswerResults(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    List<String> firstFour = List.of("ana", "dev", "ben", "chioma");

    // WHEN the admin sends the monthly pulse
    SimulatedChat.Answer sent = chat.run("maya", "survey send monthly-pulse");

    // THEN all five enrolled people get it as a DM
    assertThat(sent.text()).contains("run #1").contains("5 people");
    for (String person : firstFour) {
      assertThat(chat.awaitMessageTo(person, "worth my time")).contains("Monthly pulse");
    }
    chat.awaitMessageTo("eve", "worth my time");

    // WHEN four of them answer 4 with one click, and Ana clicks again
    for (String person : firstFour) {
      assertThat(chat.click(person, Surveys.ANSWER_ACTION, "1:4").text()).contains("recorded");
    }
    SimulatedChat.Answer again = chat.click("ana", Surveys.ANSWER_ACTION, "1:2");

    // THEN the re-click counts once, and results with 4 answers reveal nothing
    assertThat(again.text()).contains("already answered");
    SimulatedChat.Answer hidden = chat.run("maya", "survey results 1");
    assertThat(hidden.text())
        .contains("4 of 5 answered")
        .contains("not enough responses")
        .doesNotContain("Mean")
        .doesNotContain("4: 4");

    // WHEN the fifth answers 5
    assertThat(chat.click("eve", Surveys.ANSWER_ACTION, "1:5").text()).contains("recorded");

    // THEN the distribution and mean show, and Ana's second click did not count
    SimulatedChat.Answer shown = chat.run("maya", "survey results 1");
    assertThat(shown.text())
        .contains("5 of 5 answered (100%)")
        .contains("2: 0")
        .contains("4: 4")
        .contains("5: 1")
        .contains("Mean 4.2")
        .doesNotContain("not enough responses");
  }
}
