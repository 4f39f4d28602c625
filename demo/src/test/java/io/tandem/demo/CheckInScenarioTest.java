package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tandem.app.Tandem;
import io.tandem.core.store.StoreStats;
import io.tandem.simulator.slack.ApiCall;
import io.tandem.simulator.slack.BlockText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check-ins, the learning plan, status and the home view, played on every platform: Slack over HTTP
 * and Socket Mode, and Discord. Ana (mentor) and Ben (mentee) are paired by the admin first.
 */
@DisplayName("Check-ins, goals and where people stand")
class CheckInScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private String today;

  /** Runs at noon UTC today, so that every sample person's zone is on the same date. */
  private void start(SimulatedChat.Kind kind) throws Exception {
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem = Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
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

  private long count(String table) {
    return StoreStats.count(tandem.database(), table);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "both people log the same meeting: one session, two sides, one prompt to the partner")
  void bothSidesOfOneSession(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    // WHEN Ben logs with his partner named, and Ana is asked to add her side
    SimulatedChat.Answer ben =
        chat.run("ben", "log 45m Instagram reels with " + chat.mention("ana") + " on " + today);
    String prompt = chat.awaitMessageTo("ana", "Add what you learned?");

    // AND Ana logs the same day
    SimulatedChat.Answer ana = chat.run("ana", "log 1h How we budget");

    // THEN it is one session with two perspectives, and the prompt went out once
    assertThat(ben.privately()).isTrue();
    assertThat(ben.text()).contains("45 minutes").containsIgnoringCase("session #1 with ana");
    assertThat(prompt)
        .containsIgnoringCase("ben")
        .contains("logged a session with you on " + today);
    assertThat(ana.text()).containsIgnoringCase("joins ben's log of session #1");
    assertThat(count("mentoring_session")).isEqualTo(1);
    assertThat(count("session_note")).isEqualTo(2);
    SimulatedChat.Answer list = chat.run("ana", "log list");
    assertThat(list.text()).contains("#1").containsIgnoringCase("logged by you and ben");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("log alone opens the check-in form; filling it in logs the session")
  void logForm(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    SimulatedChat.Answer form = chat.run("chioma", "log");
    SimulatedChat.Answer saved =
        chat.fill(
            "chioma",
            form,
            Map.of(
                "when", today + " 50m",
                "topic", "Figma components",
                "exchange", "Taught: negotiating\nLearned: auto layout",
                "useful", "4",
                "note", "private: practise on the Q3 deck"));

    assertThat(form.hasForm()).isTrue();
    assertThat(saved.text()).contains("Logged").contains("50 minutes").contains("Figma components");
    assertThat(count("session_note")).isEqualTo(1);
    assertThat(chat.run("chioma", "status").text())
        .contains("Figma components")
        .doesNotContain("Q3 deck");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("goals and tasks: either person adds, and status shows progress with buttons")
  void goalsAndStatus(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    SimulatedChat.Answer goal = chat.run("ben", "goal add Post one reel a week for me");
    chat.run("ana", "task add 1 Film a 15-second reel");
    chat.run("ben", "task add 1 Learn the editor");
    SimulatedChat.Answer done = chat.run("ben", "task done 2");
    SimulatedChat.Answer status = chat.run("ana", "status");

    assertThat(goal.text()).contains("Goal 1 set for you");
    assertThat(done.text()).contains("Task 2 done");
    assertThat(status.privately()).isTrue();
    assertThat(status.text())
        .containsIgnoringCase("ben (mentee)")
        .contains("Post one reel a week")
        .contains("1/2 tasks (50%)")
        .contains("Just started")
        .contains("Log a session")
        .contains("Add a goal");
    assertThat(count("goal")).isEqualTo(1);
    assertThat(count("goal_task")).isEqualTo(2);
  }

  static Stream<Arguments> badInput() {
    String[][] cases = {
      {"log 45m on 2999-01-01", "is in the future"},
      {"log 9h Reels", "longer than one session can be"},
      {"goal add " + "x".repeat(301), "keep it to 300"},
      {"task done 9", "not in your plan"},
      {"goal done 4", "not in your plan"},
      {"log 45m with @dev", "not your partner"},
      {"log delete 3", "no session #3"},
    };
    return Stream.of(SimulatedChat.Kind.values())
        .flatMap(kind -> Stream.of(cases).map(c -> Arguments.of(kind, c[0], c[1])));
  }

  @ParameterizedTest(name = "on {0}: \"{1}\"")
  @MethodSource("badInput")
  @DisplayName("bad check-ins get a private, specific error and store nothing")
  void badInput(SimulatedChat.Kind kind, String command, String problem) throws Exception {
    start(kind);
    String typed = command.replace("@dev", chat.mention("dev"));
    assumeTrue(SimulatedChat.typedOn(kind, typed).isPresent(), "the UI cannot send " + typed);
    Map<String, Long> before = StoreStats.counts(tandem.database());

    SimulatedChat.Answer answer = chat.run("ben", typed);

    assertThat(answer.privately()).isTrue();
    assertThat(answer.text()).contains(problem).contains("Example: ");
    assertThat(StoreStats.counts(tandem.database())).isEqualTo(before);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(
      value = SimulatedChat.Kind.class,
      names = {"SLACK_SOCKET", "SLACK_HTTP"})
  @DisplayName("Slack: opening the App Home publishes the dashboard, and changes republish it")
  void appHome(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SimulatedSlack slack = (SimulatedSlack) chat;
    String ben = slack.simulator().user("ben").id();

    slack.client().user("ben").opensAppHome();
    ApiCall first =
        slack
            .simulator()
            .awaitCall(
                "views.publish", c -> ben.equals(c.param("user_id")), SimulatedChat.REPLY_TIMEOUT);
    chat.run("ana", "log 30m Reels");
    ApiCall second =
        slack
            .simulator()
            .awaitCall(
                "views.publish",
                c -> ben.equals(c.param("user_id")) && home(c).contains("Reels"),
                SimulatedChat.REPLY_TIMEOUT);

    assertThat(home(first)).contains("Your Tandem").containsIgnoringCase("ana (mentor)");
    assertThat(home(second)).contains("Sessions so far").contains("On track");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(
      value = SimulatedChat.Kind.class,
      names = {"SLACK_SOCKET", "SLACK_HTTP"})
  @DisplayName("Slack: cancelling the log form is recorded as an abandoned form, by its id only")
  void abandonedForm(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SimulatedSlack slack = (SimulatedSlack) chat;

    SimulatedChat.Answer form = chat.run("chioma", "log");
    slack.client().user("chioma").closes(form.form());

    org.awaitility.Awaitility.await()
        .atMost(SimulatedChat.REPLY_TIMEOUT)
        .until(() -> abandoned().size() == 1);
    assertThat(abandoned()).containsExactly("{\"form\":\"" + form.form() + "\"}");
  }

  private java.util.List<String> abandoned() {
    return tandem
        .database()
        .inTransaction(
            em ->
                em.createQuery("SELECT s.details FROM Signal s WHERE s.type = :t", String.class)
                    .setParameter("t", io.tandem.core.kernel.SignalType.FORM_ABANDONED)
                    .getResultList());
  }

  private static String home(ApiCall call) {
    return call.payloadJson()
        .map(view -> BlockText.readable("", view.getAsJsonObject().get("blocks")))
        .orElse("");
  }
}
