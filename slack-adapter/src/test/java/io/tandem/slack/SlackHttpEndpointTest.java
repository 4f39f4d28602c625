package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.config.HttpConfig;
import io.tandem.simulator.LogCapture;
import io.tandem.simulator.slack.RawSlackRequests;
import io.tandem.simulator.slack.RawSlackRequests.Answer;
import io.tandem.simulator.slack.SlackSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Slack events endpoint on a server of its own, reached over a real socket with requests no
 * real Slack would send. Every one gets a definite HTTP answer and none reaches the core.
 */
@DisplayName("Slack events endpoint (standalone) with hostile and broken requests")
class SlackHttpEndpointTest {

  private static final String SECRET = "endpoint-test-secret";

  private SlackSimulator slack;
  private SlackAdapter adapter;
  private RawSlackRequests requests;
  private final RecordingCore core = new RecordingCore();

  @BeforeEach
  void start() throws Exception {
    slack = SlackSimulator.start("xoxb-endpoint", "xapp-endpoint");
    startAdapter(List.of(), io.tandem.config.SlackConfig.DEFAULT_MAX_REQUEST_BYTES);
  }

  private void startAdapter(List<String> workspaces, int maxBytes) throws Exception {
    if (adapter != null) {
      adapter.close();
    }
    io.tandem.config.SlackConfig config =
        new io.tandem.config.SlackConfig(
                io.tandem.config.SlackConfig.Mode.HTTP,
                "xoxb-endpoint",
                null,
                SECRET,
                URI.create(slack.apiUrl()),
                List.of())
            .withWorkspaces(workspaces)
            .withMaxRequestBytes(maxBytes);
    adapter = new SlackAdapter(config, new HttpConfig("127.0.0.1", 0), core, Clock.systemUTC());
    adapter.start();
    requests =
        new RawSlackRequests(
            URI.create(adapter.eventsUrl().orElseThrow()), SECRET, Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    slack.close();
  }

  private Map<String, String> command(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("team_id", slack.teamId());
    fields.put("user_id", slack.user("ana").id());
    fields.put("user_name", "ana");
    fields.put("channel_id", slack.user("ana").dmChannelId());
    fields.put("command", "/tandem");
    fields.put("text", text);
    fields.put("response_url", slack.responseUrl("r1"));
    fields.put("trigger_id", "1.2.3");
    return fields;
  }

  private String commandBody(String text) {
    return RawSlackRequests.form(command(text));
  }

  @Test
  @DisplayName("a proper signed command from the bot's workspace reaches the core")
  void properCommandServed() throws Exception {
    Answer answer = requests.signed(commandBody("status"));

    assertThat(answer.status()).isEqualTo(200);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !core.reached.isEmpty());
    assertThat(core.reached).containsExactly("status");
  }

  @Test
  @DisplayName("correctly signed requests timestamped too far ahead or behind get 401")
  void timestampsOutsideTheWindow() {
    for (Duration skew :
        List.of(
            Duration.ofMinutes(6),
            Duration.ofHours(1),
            Duration.ofDays(365),
            Duration.ofMinutes(-6),
            Duration.ofDays(-365))) {
      assertThat(requests.signedAt(commandBody("log 45m Reels"), skew).status())
          .as("signed %s from now", skew)
          .isEqualTo(401);
    }
    assertThat(core.reached).isEmpty();
  }

  @ParameterizedTest(name = "unsigned {0}: 401, never parsed")
  @EnumSource(RawSlackRequests.Broken.class)
  void unsignedBrokenRequests(RawSlackRequests.Broken broken) {
    assertThat(requests.unsigned(broken.body()).status()).isEqualTo(401);
    assertThat(core.reached).isEmpty();
  }

  @ParameterizedTest(name = "signed {0}: 400")
  @EnumSource(RawSlackRequests.Broken.class)
  void signedBrokenRequests(RawSlackRequests.Broken broken) {
    Answer answer = requests.signed(broken.body());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).startsWith("Tandem cannot read this request");
    assertThat(core.reached).isEmpty();
  }

  @Test
  @DisplayName("a body over the limit gets 413 before it is read in full")
  void oversizedBodies() {
    int limit = io.tandem.config.SlackConfig.DEFAULT_MAX_REQUEST_BYTES;

    assertThat(requests.oversizedByLength(5L * 1024 * 1024, 16 * 1024).status()).isEqualTo(413);
    assertThat(requests.oversizedChunked(limit + 1).status()).isEqualTo(413);
    assertThat(requests.oversizedByLength(limit + 1, limit + 1).status()).isEqualTo(413);
    assertThat(core.reached).isEmpty();
  }

  @Test
  @DisplayName("the size limit is configurable")
  void configuredLimit() throws Exception {
    startAdapter(List.of(), 16 * 1024);

    assertThat(requests.oversizedByLength(17 * 1024, 17 * 1024).status()).isEqualTo(413);
    assertThat(requests.signed(commandBody("status")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a command without user_id or team_id gets a private explanation, not silence")
  void commandWithoutSender() {
    for (String missing : List.of("user_id", "team_id")) {
      Map<String, String> fields = command("log 45m Reels");
      fields.remove(missing);

      Answer answer = requests.signed(RawSlackRequests.form(fields));

      assertThat(answer.status()).as(missing).isEqualTo(200);
      assertThat(answer.body())
          .contains("ephemeral")
          .contains("could not tell who ran this command");
    }
    assertThat(core.reached).isEmpty();
  }

  @Test
  @DisplayName("a command with a malformed user id gets the same explanation")
  void commandWithForgedUserId() {
    Map<String, String> fields = command("status");
    fields.put("user_id", "U1\nERROR forged");

    Answer answer = requests.signed(RawSlackRequests.form(fields));

    assertThat(answer.body()).contains("could not tell who ran this command");
    assertThat(core.reached).isEmpty();
  }

  @Test
  @DisplayName("requests from a workspace the bot token does not belong to are refused")
  void otherWorkspace() {
    Map<String, String> fields = command("join mentor");
    fields.put("team_id", "T0OTHER");

    Answer command = requests.signed(RawSlackRequests.form(fields));
    Answer click =
        requests.signed(
            RawSlackRequests.payload(
                "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0OTHER\"},"
                    + "\"user\":{\"id\":\"U0ANA\"},\"actions\":[{\"action_id\":\"a\"}]}"));

    assertThat(command.status()).isEqualTo(200);
    assertThat(command.body()).contains("ephemeral").contains("serves another Slack workspace");
    assertThat(click.status()).isEqualTo(403);
    assertThat(core.reached).isEmpty();
  }

  @Test
  @DisplayName("slack.workspaces replaces the bot token's workspace; an Enterprise Grid id counts")
  void configuredWorkspaces() throws Exception {
    startAdapter(
        List.of("T0OTHER", "E0GRID"), io.tandem.config.SlackConfig.DEFAULT_MAX_REQUEST_BYTES);
    Map<String, String> own = command("status");
    Map<String, String> grid = command("status");
    grid.put("team_id", "T0BRANCH");
    grid.put("enterprise_id", "E0GRID");

    Answer fromOwn = requests.signed(RawSlackRequests.form(own));
    Answer fromGrid = requests.signed(RawSlackRequests.form(grid));

    assertThat(fromOwn.body()).contains("serves another Slack workspace");
    assertThat(fromGrid.status()).isEqualTo(200);
    assertThat(fromGrid.body()).doesNotContain("serves another");
  }

  @Test
  @DisplayName("nothing from a request reaches the log with a line break of its own")
  void logHasNoForgedLines() {
    String forged = "\nERROR [main] forged line";
    try (LogCapture log = LogCapture.start()) {
      requests.unsigned("text=" + forged);
      requests.unsigned(RawSlackRequests.Broken.UNKNOWN_TYPE.body());
      requests.signed(RawSlackRequests.Broken.UNKNOWN_TYPE.body());
      requests.signed(RawSlackRequests.Broken.WRONG_TYPES.body());
      requests.signed(RawSlackRequests.payload("{\"type\":\"forged" + forged + "\"}"));
      requests.signed(RawSlackRequests.payload("{\"type\":\"" + "x".repeat(200_000) + "\"}"));
      requests.unsigned("x".repeat(200_000));

      assertThat(log.lines()).noneMatch(line -> line.contains("forged"));
      assertThat(log.text()).doesNotContain("x".repeat(300));
    }
  }
}
