package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reminders played on every platform: the reminder job is run directly for chosen instants (no
 * waiting for Quartz), and its direct messages reach the simulator through the real outbox and
 * platform adapters.
 */
@DisplayName("Reminders, the log button and leaving, on every platform")
class ReminderScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private Instant paired;
  private ShiftableClock clock;

  private void start(SimulatedChat.Kind kind) throws Exception {
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    clock = new ShiftableClock(Duration.between(Instant.now(), noon));
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem = Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
    paired = clock.instant();
    chat.run(
        "maya", "program start " + io.tandem.core.enrolment.EnrolmentFeature.DEFAULT_PROGRAM_NAME);
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

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("the reminder job's DM reaches both people; its log button opens the log form")
  void reminderArrives(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    // WHEN 17 days pass and the job runs hourly around the first cadence slot (day 14)
    clock.shift(Duration.ofDays(17));
    for (Instant at = paired.plus(Duration.ofDays(13));
        at.isBefore(paired.plus(Duration.ofDays(17)));
        at = at.plus(Duration.ofHours(1))) {
      tandem.reminderJob().run(at);
    }

    // THEN Ana and Ben each get their reminder
    String ana = chat.awaitMessageTo("ana", "Time to meet");
    String ben = chat.awaitMessageTo("ben", "Time to meet");
    assertThat(ana).containsIgnoringCase("ben");
    assertThat(ben).containsIgnoringCase("ana");
    assertThat(ana)
        .containsIgnoringCase("We met ben — log it")
        .contains("Snooze 2 days")
        .contains("We need help");
    // AND "We met ben — log it" (it sends `log` for their pair) opens the check-in form
    clock.shift(Duration.ofDays(-17));
    SimulatedChat.Answer form = chat.run("ben", "log");
    assertThat(form.hasForm()).isTrue();
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("leave asks first, then ends the pair and tells the partner kindly")
  void leaveTellsPartner(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    SimulatedChat.Answer ask = chat.run("ben", "leave");
    SimulatedChat.Answer left = chat.run("ben", "leave confirm");

    assertThat(ask.text()).contains("Leave");
    assertThat(left.privately()).isTrue();
    assertThat(left.text()).contains("You've left");
    assertThat(chat.awaitMessageTo("ana", "has left")).contains("Thank you");
  }
}
