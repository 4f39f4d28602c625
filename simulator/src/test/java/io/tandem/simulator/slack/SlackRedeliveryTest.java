package io.tandem.simulator.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated Slack delivers at least once: retries of slow events, and duplicates")
class SlackRedeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SECRET = "redelivery-secret";

  private SlackSimulator simulator;
  private SignedRequestReceiver app;
  private SlackClient http;

  @BeforeEach
  void start() throws Exception {
    simulator = SlackSimulator.start("xoxb-redelivery", "xapp-redelivery");
    app = new SignedRequestReceiver(SECRET);
    http = SlackClient.overHttp(simulator, app.eventsUrl(), SECRET);
  }

  @AfterEach
  void stop() {
    http.close();
    app.close();
    simulator.close();
  }

  @Test
  @DisplayName("HTTP: an event not acked within 3 s is retried with X-Slack-Retry-Num/Reason")
  void slowEventIsRetriedOverHttp() throws Exception {
    // GIVEN an app that holds its first answer until Slack has retried
    CountDownLatch retried = new CountDownLatch(1);
    app.answerWith(
        request -> {
          if (request.retryNum() != null) {
            retried.countDown();
          } else {
            awaitQuietly(retried);
          }
          return "";
        });

    // WHEN a person opens the Home tab, with Slack's retries on
    ActionResult result = http.withRedelivery(Redelivery.likeSlack()).user("ana").opensAppHome();

    // THEN the same event arrived twice: first plain, then as retry 1 for http_timeout
    assertThat(result.ack().isOk()).isTrue();
    SignedRequestReceiver.Received first = app.received().poll(5, TimeUnit.SECONDS);
    SignedRequestReceiver.Received retry = app.received().poll(5, TimeUnit.SECONDS);
    assertThat(first.retryNum()).isNull();
    assertThat(retry.retryNum()).isEqualTo("1");
    assertThat(retry.retryReason()).isEqualTo("http_timeout");
    assertThat(eventId(retry.body())).isEqualTo(eventId(first.body()));
  }

  @Test
  @DisplayName("HTTP: an event acked in time is delivered once")
  void fastEventIsNotRetried() throws Exception {
    http.withRedelivery(Redelivery.likeSlack()).user("ana").opensAppHome();

    assertThat(app.received().poll(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(app.received().poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  @DisplayName("HTTP, twice: events come again as retry 1; commands and clicks with the same body")
  void everythingTwiceOverHttp() throws Exception {
    // GIVEN a client that delivers every request twice
    ActingUser ana = http.withRedelivery(Redelivery.twice()).user("ana");

    // WHEN ana runs a command, clicks a button and opens the Home tab
    ana.runs("/tandem status");
    ana.clicks("survey:answer", "5");
    ana.opensAppHome();

    // THEN each came twice, the event's copy marked as Slack's first retry
    List<SignedRequestReceiver.Received> received = new ArrayList<>();
    app.received().drainTo(received);
    assertThat(received).hasSize(6);
    assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
    assertThat(received.get(1).retryNum()).isNull();
    assertThat(received.get(3).body()).isEqualTo(received.get(2).body());
    assertThat(received.get(5).body()).isEqualTo(received.get(4).body());
    assertThat(received.get(4).retryNum()).isNull();
    assertThat(received.get(5).retryNum()).isEqualTo("1");
    assertThat(received.get(5).retryReason()).isEqualTo("http_timeout");
  }

  @Test
  @DisplayName("Socket Mode, twice: the event's envelope is resent with retry_attempt/retry_reason")
  void everythingTwiceOverSocketMode() throws Exception {
    // GIVEN an app connected over Socket Mode that acks every envelope
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(simulator.apiUrl());
    config.setStatsEnabled(false);
    String url;
    try (Slack webApi = Slack.getInstance(config)) {
      url = webApi.methods(simulator.appToken()).appsConnectionsOpen(r -> r).getUrl();
    }
    RawSocketModeClient socket = new RawSocketModeClient(url);
    assertThat(socket.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
    assertThat(socket.nextMessage().get("type").getAsString()).isEqualTo("hello");
    SlackClient client = SlackClient.overSocketMode(simulator, WAIT);

    // WHEN a person opens the Home tab, delivered twice
    CompletableFuture<ActionResult> opened =
        CompletableFuture.supplyAsync(
            () -> client.withRedelivery(Redelivery.twice()).user("ana").opensAppHome());
    JsonObject first = ackNext(socket);
    JsonObject second = ackNext(socket);
    opened.get(5, TimeUnit.SECONDS);

    // THEN the second envelope is a new one carrying the same event as retry 1
    assertThat(first.get("retry_attempt").getAsInt()).isZero();
    assertThat(second.get("retry_attempt").getAsInt()).isEqualTo(1);
    assertThat(second.get("retry_reason").getAsString()).isEqualTo("http_timeout");
    assertThat(second.get("envelope_id").getAsString())
        .isNotEqualTo(first.get("envelope_id").getAsString());
    assertThat(second.getAsJsonObject("payload")).isEqualTo(first.getAsJsonObject("payload"));
    client.close();
    socket.closeBlocking();
  }

  @Test
  @DisplayName("the switch is read from -Dtandem.simulator.redelivery")
  void systemPropertySwitch() {
    assertThat(Redelivery.parse("twice")).isEqualTo(Redelivery.twice());
    assertThat(Redelivery.parse("slack")).isEqualTo(Redelivery.likeSlack());
    assertThat(Redelivery.parse("")).isEqualTo(Redelivery.NONE);
    assertThat(http.redelivery()).isEqualTo(Redelivery.fromSystemProperty());
  }

  private static JsonObject ackNext(RawSocketModeClient socket) throws InterruptedException {
    JsonObject envelope = socket.nextMessage();
    socket.send("{\"envelope_id\":\"" + envelope.get("envelope_id").getAsString() + "\"}");
    return envelope;
  }

  private static String eventId(String body) {
    return JsonParser.parseString(body).getAsJsonObject().get("event_id").getAsString();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
