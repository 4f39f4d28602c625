package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.enrolment.EnrolmentFeature;
import io.tandem.core.home.ReminderChoicesForm;
import io.tandem.simulator.slack.ApiCall;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * People choose when their reminders come ({@code remind me …} and its form), on every platform,
 * and the reminder job follows each one's choice: Ana (Berlin) wants 09:30 on weekdays, Ben
 * (London) 08:00 on any day. Their pair's reminder is moved to the coming Saturday; the job is run
 * for chosen instants with Tandem's clock moved to each, so the outbox delivers what is due then.
 */
@DisplayName("Reminder times people choose, on every platform")
class ReminderChoicesScenarioTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private ShiftableClock clock;

  private void start(SimulatedChat.Kind kind) throws Exception {
    clock = ShiftableClock.startingAt(Pilots.noon());
    chat = SimulatedChat.start(kind);
    tandem = Pilots.paired(chat, dir.resolve("tandem.db"), clock);
    chat.run("maya", "program start " + EnrolmentFeature.DEFAULT_PROGRAM_NAME);
  }

  @AfterEach
  void stop() throws Exception {
    Pilots.stop(tandem, chat);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("remind me shows and changes the choice; bad input gets a private example")
  void commands(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    SimulatedChat.Answer shown = chat.run("ana", "remind me");
    SimulatedChat.Answer late = chat.run("ana", "remind me at 25:00");
    SimulatedChat.Answer night = chat.run("ana", "remind me at 11pm");
    SimulatedChat.Answer after = chat.run("ana", "remind me");
    SimulatedChat.Answer chosen = chat.run("ana", "remind me at 9:30");
    SimulatedChat.Answer weekends = chat.run("ana", "remind me on weekends");

    assertThat(shown.privately()).isTrue();
    assertThat(shown.text()).contains("10:00").contains("Europe/Berlin").contains("weekdays only");
    assertThat(late.privately()).isTrue();
    assertThat(late.text()).contains("0 to 23").contains(typed("remind me at 17:30"));
    assertThat(night.privately()).isTrue();
    assertThat(night.text()).contains("keeps quiet").contains(typed("remind me at 9:00"));
    assertThat(after.text()).contains("10:00");
    assertThat(chosen.privately()).isTrue();
    assertThat(chosen.text()).contains("09:30").contains("Europe/Berlin").contains("weekdays only");
    assertThat(weekends.text()).contains("09:30").contains("weekends included");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "the reminder form changes the choice; a wrong answer keeps the form and stores nothing")
  void form(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    // the button comes with `remind me` (and on Slack's App Home too)
    assertThat(chat.run("ben", "remind me").text()).contains("10:00");
    SimulatedChat.Answer wrong =
        chat.fill(
            "ben",
            chat.clickForForm("ben", ReminderChoicesForm.OPEN_ACTION, ""),
            Map.of("time", "9:45", "weekends", "maybe"));
    SimulatedChat.Answer unchanged = chat.run("ben", "remind me");
    SimulatedChat.Answer saved =
        chat.fill(
            "ben",
            chat.clickForForm("ben", ReminderChoicesForm.OPEN_ACTION, ""),
            Map.of("time", "8:15", "weekends", "yes"));

    assertThat(wrong.text()).contains("yes or no");
    assertThat(unchanged.text()).contains("10:00").contains("weekdays only");
    assertThat(saved.text())
        .contains("08:15")
        .contains("Europe/London")
        .contains("weekends included");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(
      value = SimulatedChat.Kind.class,
      names = {"SLACK_SOCKET", "SLACK_HTTP"})
  @DisplayName("Slack: the App Home has the reminder button, and a new choice republishes it")
  void appHome(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SimulatedSlack slack = (SimulatedSlack) chat;
    String ben = slack.simulator().user("ben").id();

    slack.client().user("ben").opensAppHome();
    ApiCall opened = awaitHome(slack, ben, ReminderChoicesForm.OPEN_ACTION);
    chat.run("ben", "remind me at 9:30");

    assertThat(opened.payloadJson().orElseThrow().toString()).contains("Reminder times");
    // the next reminder it shows is now at 09:30 London time
    assertThat(awaitHome(slack, ben, "09:30").payloadJson()).isPresent();
  }

  private static ApiCall awaitHome(SimulatedSlack slack, String user, String text) {
    return slack
        .simulator()
        .awaitCall(
            "views.publish",
            c ->
                user.equals(c.param("user_id"))
                    && c.payloadJson().map(Object::toString).orElse("").contains(text),
            SimulatedChat.REPLY_TIMEOUT);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a Saturday reminder reaches Ben on Saturday at 08:00, Ana on Monday at 09:30")
  void remindersFollowEachChoice(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    LocalDate today = LocalDate.now(clock.withZone(BERLIN));
    LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    LocalDate monday = saturday.plusDays(2);
    chat.run("ana", "remind me at 9:30");
    chat.run("ben", "remind me at 8am on weekends");
    assertThat(chat.run("ana", "snooze until " + saturday).text()).contains(saturday.toString());

    // WHEN the job runs every half hour from Saturday until just before 08:00 in London
    Instant benTime = saturday.atTime(LocalTime.of(8, 0)).atZone(LONDON).toInstant();
    Instant anaTime = monday.atTime(LocalTime.of(9, 30)).atZone(BERLIN).toInstant();
    runJobsBetween(saturday.atStartOfDay(BERLIN).toInstant(), benTime);
    assertThat(delivered("ben")).as("Ben's reminder before Saturday 08:00").isEmpty();

    // THEN Ben hears at 08:00 on Saturday (he welcomes weekends)
    runJobAt(benTime);
    assertThat(chat.awaitMessageTo("ben", "Time to meet")).containsIgnoringCase("ana");

    // AND Ana hears nothing over the weekend, and at 09:30 on Monday, her time
    runJobsBetween(benTime, anaTime);
    assertThat(delivered("ana")).as("Ana's reminder before Monday 09:30").isEmpty();
    runJobAt(anaTime);
    assertThat(chat.awaitMessageTo("ana", "Time to meet")).containsIgnoringCase("ben");
  }

  /** Runs the job every half hour from {@code from} up to, not including, {@code to}. */
  private void runJobsBetween(Instant from, Instant to) {
    for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofMinutes(30))) {
      runJobAt(at);
    }
  }

  private String typed(String command) {
    return chat.typed(command).orElseThrow();
  }

  private void runJobAt(Instant at) {
    clock.shift(Duration.between(clock.instant(), at));
    tandem.reminderJob().run(at);
  }

  private List<SimulatedChat.Delivered> delivered(String person) {
    return chat.delivered().stream()
        .filter(d -> d.to().contains(person) && d.text().contains("Time to meet"))
        .toList();
  }
}
