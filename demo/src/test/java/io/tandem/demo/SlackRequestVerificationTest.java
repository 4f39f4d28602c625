package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.store.StoreStats;
import io.tandem.simulator.LogCapture;
import io.tandem.simulator.slack.ActionResult;
import io.tandem.simulator.slack.RawSlackRequests;
import io.tandem.simulator.slack.SlackClient;
import io.tandem.simulator.slack.SlackSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Slack's HTTP transport, on the app's own web server, refuses requests it cannot prove came from
 * Slack or cannot read, answers each with a definite status, and stores nothing for them.
 */
@DisplayName("Slack over HTTP")
class SlackRequestVerificationTest {

  @TempDir Path dir;

  private SimulatedSlack chat;
  private Tandem tandem;
  private RawSlackRequests raw;

  @BeforeEach
  void start() throws Exception {
    chat = (SimulatedSlack) SimulatedChat.start(SimulatedChat.Kind.SLACK_HTTP);
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    chat.enrol(SamplePeople.BEN);
    raw =
        new RawSlackRequests(
            URI.create(tandem.slack().orElseThrow().eventsUrl().orElseThrow()),
            SimulatedSlack.SIGNING_SECRET,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    tandem.close();
    chat.close();
  }

  static Stream<Arguments> untrusted() {
    Function<SlackClient, SlackClient> forged = SlackClient::withForgedSignature;
    Function<SlackClient, SlackClient> stale = c -> c.withStaleTimestamp(Duration.ofMinutes(6));
    Function<SlackClient, SlackClient> hourAhead = c -> c.withStaleTimestamp(Duration.ofHours(-1));
    Function<SlackClient, SlackClient> yearAhead = c -> c.withStaleTimestamp(Duration.ofDays(-365));
    return Stream.of(
        Arguments.of("a forged signature", forged),
        Arguments.of("a stale timestamp", stale),
        Arguments.of("a timestamp an hour ahead", hourAhead),
        Arguments.of("a timestamp a year ahead", yearAhead));
  }

  @ParameterizedTest(name = "refuses a command with {0} and changes nothing")
  @MethodSource("untrusted")
  void refusesUntrustedRequests(String what, Function<SlackClient, SlackClient> tamper) {
    Map<String, Long> before = StoreStats.counts(tandem.database());

    ActionResult result = tamper.apply(chat.client()).user("ben").runs("/tandem log 45m Reels");

    assertThat(result.ack().status()).isEqualTo(401);
    // A trusted command sent afterwards is answered; nothing from the refused one was stored.
    chat.run("ben", "status");
    assertThat(chat.simulator().responses()).noneMatch(r -> r.readableText().contains("Reels"));
    Map<String, Long> after = StoreStats.counts(tandem.database());
    assertThat(after.get("mentoring_session")).isEqualTo(before.get("mentoring_session"));
    assertThat(after.get("participant")).isEqualTo(before.get("participant"));
  }

  /** Runs {@code request} and checks it stored nothing and put no line of its own in the log. */
  private <T> T storesNothing(Supplier<T> request) {
    Map<String, Long> before = StoreStats.counts(tandem.database());
    T answer;
    try (LogCapture log = LogCapture.start()) {
      answer = request.get();
      assertThat(log.lines()).noneMatch(line -> line.contains("forged"));
    }
    assertThat(StoreStats.counts(tandem.database())).isEqualTo(before);
    return answer;
  }

  @ParameterizedTest(name = "a signed {0} gets 400; unsigned, 401; nothing is stored or logged")
  @EnumSource(RawSlackRequests.Broken.class)
  void brokenRequests(RawSlackRequests.Broken broken) {
    assertThat(storesNothing(() -> raw.signed(broken.body())).status()).isEqualTo(400);
    assertThat(storesNothing(() -> raw.unsigned(broken.body())).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("an unsigned 5 MB body is refused with 413 and leaves no trace in the log")
  void oversizedBody() {
    try (LogCapture log = LogCapture.start()) {
      assertThat(storesNothing(() -> raw.oversizedByLength(5L * 1024 * 1024, 64 * 1024)).status())
          .isEqualTo(413);
      assertThat(
              storesNothing(() -> raw.oversizedByLength(2 * 1024 * 1024, 2 * 1024 * 1024)).status())
          .isEqualTo(413);
      assertThat(storesNothing(() -> raw.oversizedChunked(2 * 1024 * 1024)).status())
          .isEqualTo(413);
      assertThat(log.text().length()).isLessThan(2_000);
    }
  }

  private Map<String, String> command(String person, String text) {
    SlackSimulator simulator = chat.simulator();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("team_id", simulator.teamId());
    fields.put("user_id", simulator.user(person).id());
    fields.put("user_name", person);
    fields.put("channel_id", simulator.user(person).dmChannelId());
    fields.put("command", "/tandem");
    fields.put("text", text);
    fields.put("response_url", simulator.responseUrl("hostile"));
    fields.put("trigger_id", "1.2.3");
    return fields;
  }

  @Test
  @DisplayName("a command without user_id or team_id gets a private explanation and stores nothing")
  void commandWithoutSender() {
    for (String missing : List.of("user_id", "team_id")) {
      Map<String, String> fields = command("zoe", "join mentor");
      fields.remove(missing);

      RawSlackRequests.Answer answer =
          storesNothing(() -> raw.signed(RawSlackRequests.form(fields)));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains("ephemeral", "could not tell who ran this command");
    }
  }

  @Test
  @DisplayName("a command from another workspace is refused and creates no workspace or member")
  void otherWorkspace() {
    Map<String, String> fields = command("zoe", "join mentor");
    fields.put("team_id", "T0STRANGER");
    fields.put("user_name", "zoe\nERROR forged line");

    RawSlackRequests.Answer answer = storesNothing(() -> raw.signed(RawSlackRequests.form(fields)));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("ephemeral", "serves another Slack workspace");
  }

  @Test
  @DisplayName("a button click from another workspace gets 403 and stores nothing")
  void clickFromOtherWorkspace() {
    String click =
        "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0STRANGER\"},"
            + "\"user\":{\"id\":\""
            + chat.simulator().user("ben").id()
            + "\"},\"actions\":[{\"action_id\":\"tandem.pause\",\"value\":\"2w\"}]}";

    assertThat(storesNothing(() -> raw.signed(RawSlackRequests.payload(click))).status())
        .isEqualTo(403);
  }
}
