package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.app.Tandem;
import io.tandem.core.store.StoreStats;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request Slack sends twice (a replayed signed request, an event retried with {@code
 * X-Slack-Retry-Num}) has one effect and one answer: the intake knows it by its {@code trigger_id}
 * or {@code event_id}.
 */
@DisplayName("Slack over HTTP: repeated requests")
class IntakeReplayTest {

  @TempDir Path dir;

  private SimulatedSlack chat;
  private Tandem tandem;
  private String signingSecret;
  private URI eventsUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    chat = (SimulatedSlack) SimulatedChat.start(SimulatedChat.Kind.SLACK_HTTP);
    var config = chat.config("jdbc:sqlite:" + dir.resolve("tandem.db"));
    signingSecret = config.slack().signingSecret();
    tandem = Tandem.start(config, Clock.systemUTC());
    chat.connect(tandem);
    chat.enrol(SamplePeople.BEN);
    eventsUrl = URI.create(tandem.slack().orElseThrow().eventsUrl().orElseThrow());
  }

  @AfterEach
  void stop() throws Exception {
    tandem.close();
    chat.close();
  }

  @Test
  @DisplayName("the same signed /tandem log sent twice is stored once and answered once")
  void replayedCommand() throws Exception {
    // GIVEN a signed /tandem log command
    SimulatedUser ben = chat.simulator().user("ben");
    long sessionsBefore = StoreStats.counts(tandem.database()).get("mentoring_session");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("team_id", chat.simulator().teamId());
    form.put("channel_id", ben.dmChannelId());
    form.put("user_id", ben.id());
    form.put("user_name", ben.name());
    form.put("command", "/tandem");
    form.put("text", "log 45m replayed reels");
    form.put("response_url", chat.simulator().responseUrl("replay-1"));
    form.put("trigger_id", "1337.42.replay");
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    long timestamp = Instant.now().getEpochSecond();

    // WHEN it arrives twice, byte for byte, within the signature's five minutes
    HttpResponse<String> first = send(body, "application/x-www-form-urlencoded", timestamp, null);
    HttpResponse<String> second = send(body, "application/x-www-form-urlencoded", timestamp, null);

    // THEN both are acknowledged with the one answer (Slack shows it to ben), one session is
    // stored, and nothing more is posted to the response_url
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Logged");
    assertThat(second.body()).isEqualTo(first.body());
    chat.run("ben", "status");
    assertThat(StoreStats.counts(tandem.database()).get("mentoring_session"))
        .isEqualTo(sessionsBefore + 1);
    assertThat(chat.simulator().responses())
        .filteredOn(r -> r.responseUrlId().equals("replay-1"))
        .isEmpty();
  }

  @Test
  @DisplayName("app_home_opened retried with the same event_id publishes the Home once")
  void retriedEvent() throws Exception {
    // GIVEN an app_home_opened event
    SimulatedUser ben = chat.simulator().user("ben");
    String body =
        "{\"token\":\"sim-verification-token\",\"team_id\":\""
            + chat.simulator().teamId()
            + "\",\"api_app_id\":\""
            + chat.simulator().appId()
            + "\",\"type\":\"event_callback\",\"event_id\":\"EvRETRIED1\",\"event_time\":"
            + Instant.now().getEpochSecond()
            + ",\"event\":{\"type\":\"app_home_opened\",\"user\":\""
            + ben.id()
            + "\",\"channel\":\""
            + ben.dmChannelId()
            + "\",\"tab\":\"home\",\"event_ts\":\"1.2\"}}";

    // WHEN Slack delivers it, then retries it (X-Slack-Retry-Num 1 and 2)
    long now = Instant.now().getEpochSecond();
    assertThat(post(body, "application/json", now, null)).isEqualTo(200);
    assertThat(post(body, "application/json", now + 1, "1")).isEqualTo(200);
    assertThat(post(body, "application/json", now + 2, "2")).isEqualTo(200);

    // THEN the Home is published once and one engagement signal is counted
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !chat.simulator().calls("views.publish").isEmpty());
    chat.run("ben", "status");
    assertThat(chat.simulator().calls("views.publish")).hasSize(1);
    assertThat(homeSignals()).isEqualTo(1);
  }

  private long homeSignals() throws Exception {
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM signal WHERE type = 'HOME_OPENED'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private int post(String body, String contentType, long timestamp, String retryNum)
      throws Exception {
    return send(body, contentType, timestamp, retryNum).statusCode();
  }

  private HttpResponse<String> send(
      String body, String contentType, long timestamp, String retryNum) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(eventsUrl)
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", SlackSignature.sign(signingSecret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (retryNum != null) {
      request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
