package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.config.HttpConfig;
import io.tandem.simulator.slack.SlackSimulator;
import io.tandem.simulator.slack.SocketAck;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode envelopes that no real Slack sends: each is acknowledged, answered or ignored for
 * good, none reaches the core, and the connection keeps serving proper ones.
 */
@DisplayName("Slack over Socket Mode with hostile and broken envelopes")
class SocketModeHostileEnvelopeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private SlackSimulator slack;
  private SlackAdapter adapter;
  private final RecordingCore core = new RecordingCore();

  @BeforeEach
  void start() throws Exception {
    slack = SlackSimulator.start("xoxb-socket", "xapp-socket");
    io.tandem.config.SlackConfig config =
        new io.tandem.config.SlackConfig(
            io.tandem.config.SlackConfig.Mode.SOCKET,
            "xoxb-socket",
            "xapp-socket",
            null,
            URI.create(slack.apiUrl()),
            List.of());
    adapter = new SlackAdapter(config, new HttpConfig("127.0.0.1", 0), core, Clock.systemUTC());
    adapter.start();
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    slack.close();
  }

  private JsonObject command(String text) {
    JsonObject payload = new JsonObject();
    payload.addProperty("team_id", slack.teamId());
    payload.addProperty("user_id", slack.user("ana").id());
    payload.addProperty("user_name", "ana");
    payload.addProperty("channel_id", slack.user("ana").dmChannelId());
    payload.addProperty("command", "/tandem");
    payload.addProperty("text", text);
    payload.addProperty("response_url", slack.responseUrl("socket"));
    payload.addProperty("trigger_id", "1.2.3");
    return payload;
  }

  private SocketAck deliver(String type, JsonObject payload) {
    return slack.socketMode().deliver(type, payload, TIMEOUT);
  }

  @Test
  @DisplayName("a command without user_id is acknowledged with a private explanation")
  void commandWithoutUser() {
    JsonObject payload = command("log 45m Reels");
    payload.remove("user_id");

    SocketAck ack = deliver("slash_commands", payload);

    assertThat(ack.payload().toString()).contains("could not tell who ran this command");
    assertThat(core.reached).isEmpty();
  }

  @Test
  @DisplayName("a command from another workspace is acknowledged with a private refusal")
  void commandFromOtherWorkspace() {
    JsonObject payload = command("join mentor");
    payload.addProperty("team_id", "T0STRANGER");

    SocketAck ack = deliver("slash_commands", payload);

    assertThat(ack.payload().toString()).contains("serves another Slack workspace");
    assertThat(core.reached).isEmpty();
  }

  @Test
  @DisplayName("unreadable and foreign interactions are acknowledged; the connection keeps serving")
  void unreadableEnvelopes() {
    List<String> broken =
        List.of(
            "{\"type\":\"block_actions\",\"user\":\"U1\",\"team\":7,\"actions\":\"x\"}",
            "{\"type\":\"forged\"}",
            "{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"}}",
            "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0STRANGER\"},"
                + "\"user\":{\"id\":\"U0ANA\"},\"actions\":[{\"action_id\":\"a\"}]}");

    for (String payload : broken) {
      SocketAck ack = deliver("interactive", JsonParser.parseString(payload).getAsJsonObject());
      assertThat(ack.payload()).as(payload).isNull();
    }
    deliver("slash_commands", command("status"));

    org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> core.reached.contains("status"));
    assertThat(core.reached).containsExactly("status");
  }
}
