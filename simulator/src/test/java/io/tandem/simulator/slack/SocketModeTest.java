package io.tandem.simulator.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Socket Mode: connections.open, hello, envelopes and acks, pings, reconnects")
class SocketModeTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private SlackSimulator simulator;
  private Slack webApi;
  private SlackClient slack;

  @BeforeEach
  void start() {
    simulator = SlackSimulator.start("xoxb-socket-test", "xapp-1-socket-test");
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(simulator.apiUrl());
    config.setStatsEnabled(false);
    webApi = Slack.getInstance(config);
    slack = SlackClient.overSocketMode(simulator, WAIT);
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    webApi.close();
    simulator.close();
  }

  @Test
  @DisplayName("apps.connections.open wants the app-level token")
  void connectionsOpenWantsTheAppToken() throws Exception {
    AppsConnectionsOpenResponse withAppToken =
        webApi.methods(simulator.appToken()).appsConnectionsOpen(r -> r);
    AppsConnectionsOpenResponse withBotToken =
        webApi.methods(simulator.botToken()).appsConnectionsOpen(r -> r);

    assertThat(withAppToken.isOk()).isTrue();
    assertThat(withAppToken.getUrl()).startsWith("ws://127.0.0.1:").contains("/link/?ticket=");
    assertThat(withBotToken.getError()).isEqualTo("not_allowed_token_type");
  }

  @Test
  @DisplayName("a connected app gets hello, then a command envelope, and its ack comes back")
  void helloEnvelopeAck() throws Exception {
    RawSocketModeClient app = connect();

    JsonObject hello = app.nextMessage();
    assertThat(hello.get("type").getAsString()).isEqualTo("hello");
    assertThat(hello.get("num_connections").getAsInt()).isEqualTo(1);
    assertThat(hello.getAsJsonObject("connection_info").get("app_id").getAsString())
        .isEqualTo(simulator.appId());

    CompletableFuture<ActionResult> command =
        CompletableFuture.supplyAsync(() -> slack.user("ana").runs("/tandem status"));
    JsonObject envelope = app.nextMessage();
    assertThat(envelope.get("type").getAsString()).isEqualTo("slash_commands");
    assertThat(envelope.get("accepts_response_payload").getAsBoolean()).isTrue();
    JsonObject payload = envelope.getAsJsonObject("payload");
    assertThat(payload.get("command").getAsString()).isEqualTo("/tandem");
    assertThat(payload.get("text").getAsString()).isEqualTo("status");
    assertThat(payload.get("user_id").getAsString()).isEqualTo(simulator.user("ana").id());
    assertThat(payload.get("response_url").getAsString())
        .startsWith(simulator.baseUri() + "response/");
    String envelopeId = envelope.get("envelope_id").getAsString();
    app.send("{\"envelope_id\":\"" + envelopeId + "\",\"payload\":{\"text\":\"You are paired\"}}");

    ActionResult result = command.get(5, TimeUnit.SECONDS);
    assertThat(result.ack().text()).isEqualTo("You are paired");
    assertThat(simulator.socketMode().acks())
        .singleElement()
        .satisfies(
            ack -> {
              assertThat(ack.envelopeId()).isEqualTo(envelopeId);
              assertThat(ack.envelopeType()).isEqualTo("slash_commands");
              assertThat(ack.latency()).isPositive().isLessThan(WAIT);
            });
    app.closeBlocking();
  }

  @Test
  @DisplayName("a ping is answered with a pong carrying the same payload")
  void pingPong() throws Exception {
    RawSocketModeClient app = connect();

    assertThat(app.ping("ping-pong_42")).isEqualTo("ping-pong_42");
    // the server counts a ping once its pong is out, which can be just after the client has it
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(simulator.socketMode().pingsAnswered()).isEqualTo(1));
    app.closeBlocking();
  }

  @Test
  @DisplayName(
      "after a refresh_requested disconnect the app opens a new connection; old tickets are spent")
  void reconnect() throws Exception {
    String firstUrl = webApi.methods(simulator.appToken()).appsConnectionsOpen(r -> r).getUrl();
    RawSocketModeClient first = new RawSocketModeClient(firstUrl);
    assertThat(first.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
    first.nextMessage();

    simulator.socketMode().requestReconnect();

    JsonObject disconnect = first.nextMessage();
    assertThat(disconnect.get("type").getAsString()).isEqualTo("disconnect");
    assertThat(disconnect.get("reason").getAsString()).isEqualTo("refresh_requested");
    RawSocketModeClient second = connect();
    simulator.socketMode().awaitConnectionsOpened(2, WAIT);
    first.closeBlocking();
    assertThat(second.nextMessage().get("type").getAsString()).isEqualTo("hello");
    assertThat(simulator.calls("apps.connections.open")).hasSize(2);

    RawSocketModeClient replay = new RawSocketModeClient(firstUrl);
    assertThat(replay.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
    second.closeBlocking();
  }

  private RawSocketModeClient connect() throws Exception {
    String url = webApi.methods(simulator.appToken()).appsConnectionsOpen(r -> r).getUrl();
    RawSocketModeClient client = new RawSocketModeClient(url);
    assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
    return client;
  }
}
