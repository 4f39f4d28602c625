package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.core.schedule.OutboxSweepJob;
import io.tandem.simulator.slack.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's view: {@code /health} and Prometheus {@code /metrics} on Tandem's HTTP port, after
 * real commands through the local Slack (HTTP mode, so Slack's events share the same server).
 */
@DisplayName("/health and /metrics")
class HealthAndMetricsTest {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$", Pattern.MULTILINE);

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private SimulatedChat.Slack chat;
  private Tandem tandem;

  @AfterEach
  void stop() throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      chat.close();
    }
  }

  private void start() throws Exception {
    chat = (SimulatedChat.Slack) SimulatedChat.start(SimulatedChat.Kind.SLACK_HTTP);
    chat.makeAdmin("maya");
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(tandem.httpUrl().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Every sample of a scrape by its series name with labels, e.g. {@code a_total{x="y"}}. */
  private Map<String, Double> scrape() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    Map<String, Double> samples = new HashMap<>();
    Matcher m = SAMPLE.matcher(response.body());
    while (m.find()) {
      samples.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return samples;
  }

  private double value(String series) throws Exception {
    return scrape().getOrDefault(series, 0.0);
  }

  @Test
  @DisplayName(
      "commands, acknowledgements, deliveries and scheduler lag are counted as they happen")
  void metricsMoveWithRealCommands() throws Exception {
    // GIVEN Tandem on Slack over HTTP, and a first scrape
    start();
    assertThat(URI.create(tandem.slack().orElseThrow().eventsUrl().orElseThrow()).getPort())
        .as("Slack's events are served on the same port as /metrics")
        .isEqualTo(tandem.httpUrl().getPort());
    Map<String, Double> before = scrape();
    assertThat(before).containsKey("tandem_outbox_depth");

    // WHEN people use Tandem: help, a typo, an admin command by a participant, and a match
    chat.run("ana", "help");
    chat.run("chioma", "stauts");
    chat.run("ben", "match preview");
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    // … and Slack refuses the first two messages: a 429, then a 503
    chat.simulator().failNext("chat.postMessage", 1, Fault.rateLimited(1));
    chat.simulator().failNext("chat.postMessage", 1, Fault.serverError(503));
    chat.run("maya", "match approve");
    chat.awaitMessageTo("ana", "Meet your Tandem partner");
    tandem.scheduling().triggerNow(OutboxSweepJob.KEY);

    // THEN each command is counted by platform, verb and outcome
    Map<String, Double> after = scrape();
    assertThat(after)
        .containsEntry(
            "tandem_commands_total{platform=\"slack\",command=\"help\",outcome=\"ok\"}", 1.0)
        .containsEntry(
            "tandem_commands_total{platform=\"slack\",command=\"unknown\",outcome=\"invalid\"}",
            1.0)
        .containsEntry(
            "tandem_commands_total{platform=\"slack\",command=\"match\",outcome=\"refused\"}", 1.0)
        .containsEntry(
            "tandem_commands_total{platform=\"slack\",command=\"match\",outcome=\"ok\"}", 2.0)
        .containsEntry(
            "tandem_commands_total{platform=\"slack\",command=\"join\",outcome=\"ok\"}", 4.0);
    // AND every acknowledgement is timed, within Slack's 3 seconds
    String acks = "tandem_ack_latency_seconds_count{platform=\"slack\",kind=\"command\"}";
    assertThat(after.get(acks)).isGreaterThanOrEqualTo(9.0);
    assertThat(
            after.get(
                "tandem_ack_latency_seconds_bucket{platform=\"slack\",kind=\"command\",le=\"3\"}"))
        .isEqualTo(after.get(acks));
    assertThat(after.get("tandem_ack_latency_seconds_count{platform=\"slack\",kind=\"form\"}"))
        .as("the profile forms' submissions")
        .isGreaterThanOrEqualTo(8.0);
    // AND the introductions were delivered after a rate limit and a retry, each counted
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              Map<String, Double> now = scrape();
              assertThat(
                      now.get(
                          "tandem_outbox_deliveries_total{platform=\"slack\",outcome=\"rate_limited\"}"))
                  .isEqualTo(1.0);
              assertThat(
                      now.get(
                          "tandem_outbox_deliveries_total{platform=\"slack\",outcome=\"retried\"}"))
                  .isEqualTo(1.0);
              assertThat(now.get("tandem_outbox_depth")).isZero();
              assertThat(
                      now.get(
                          "tandem_outbox_deliveries_total{platform=\"slack\",outcome=\"delivered\"}"))
                  .isGreaterThanOrEqualTo(2.0);
              assertThat(now.get("tandem_outbox_messages{state=\"dead\"}")).isZero();
            });
    // AND the job fired by hand was timed against its fire time
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(value("tandem_scheduler_lag_seconds_count{job=\"outbox-sweep\"}"))
                    .isGreaterThanOrEqualTo(1.0));
  }

  @Test
  @DisplayName("/health is 200 while database and scheduler work, 503 once the scheduler stops")
  void health() throws Exception {
    // GIVEN a running Tandem
    start();

    // WHEN the operator asks
    HttpResponse<String> healthy = get("/health");

    // THEN all is well, with the outbox's depth
    assertThat(healthy.statusCode()).isEqualTo(200);
    JsonObject body = JsonParser.parseString(healthy.body()).getAsJsonObject();
    assertThat(body.get("status").getAsString()).isEqualTo("ok");
    assertThat(body.get("database").getAsString()).isEqualTo("up");
    assertThat(body.get("scheduler").getAsString()).isEqualTo("running");
    assertThat(body.get("outboxDepth").getAsLong()).isGreaterThanOrEqualTo(0);

    // WHEN the scheduler stops
    tandem.scheduling().close();
    HttpResponse<String> down = get("/health");

    // THEN /health says so with 503, and still reports the database
    assertThat(down.statusCode()).isEqualTo(503);
    JsonObject downBody = JsonParser.parseString(down.body()).getAsJsonObject();
    assertThat(downBody.get("status").getAsString()).isEqualTo("down");
    assertThat(downBody.get("scheduler").getAsString()).isEqualTo("stopped");
    assertThat(downBody.get("database").getAsString()).isEqualTo("up");

    // AND unknown paths are 404
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("on Discord, commands and their acknowledgements are counted too")
  void discordMetrics() throws Exception {
    // GIVEN Tandem on the local Discord
    SimulatedChat discord = SimulatedChat.start(SimulatedChat.Kind.DISCORD);
    try (Tandem onDiscord =
        Tandem.start(
            discord.config("jdbc:sqlite:" + dir.resolve("discord.db")), Clock.systemUTC())) {
      tandem = onDiscord;
      discord.connect(onDiscord);

      // WHEN someone runs two commands
      discord.run("ana", "help");
      discord.run("ana", "status");

      // THEN both are counted, and both acknowledgements timed with Discord's confirmation
      Map<String, Double> after = scrape();
      assertThat(after)
          .containsEntry(
              "tandem_commands_total{platform=\"discord\",command=\"help\",outcome=\"ok\"}", 1.0)
          .containsKey(
              "tandem_commands_total{platform=\"discord\",command=\"status\",outcome=\"ok\"}");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          value(
                              "tandem_ack_latency_seconds_count{platform=\"discord\","
                                  + "kind=\"command\"}"))
                      .isEqualTo(2.0));
    } finally {
      tandem = null;
      discord.close();
    }
  }
}
