package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.app.Tandem;
import io.tandem.core.delivery.OutboxSweepJob;
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

  private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private SimulatedSlack chat;
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
    start(SimulatedChat.Kind.SLACK_HTTP);
  }

  private void start(SimulatedChat.Kind kind) throws Exception {
    chat = (SimulatedSlack) SimulatedChat.start(kind);
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
    assertThat(before).containsKey("tandem_outbox_messages{state=\"queued\"}");

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
            "tandem_commands_total{command=\"help\",outcome=\"ok\",platform=\"slack\"}", 1.0)
        .containsEntry(
            "tandem_commands_total{command=\"unknown\",outcome=\"invalid\",platform=\"slack\"}",
            1.0)
        .containsEntry(
            "tandem_commands_total{command=\"match\",outcome=\"refused\",platform=\"slack\"}", 1.0)
        .containsEntry(
            "tandem_commands_total{command=\"match\",outcome=\"ok\",platform=\"slack\"}", 2.0)
        .containsEntry(
            "tandem_commands_total{command=\"join\",outcome=\"ok\",platform=\"slack\"}", 4.0);
    // AND every acknowledgement is timed, within Slack's 3 seconds
    String acks = "tandem_ack_latency_seconds_count{kind=\"command\",platform=\"slack\"}";
    assertThat(after.get(acks)).isGreaterThanOrEqualTo(9.0);
    assertThat(
            after.get(
                "tandem_ack_latency_seconds_bucket{kind=\"command\",platform=\"slack\",le=\"3.0\"}"))
        .isEqualTo(after.get(acks));
    assertThat(after.get("tandem_ack_latency_seconds_count{kind=\"form\",platform=\"slack\"}"))
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
                          "tandem_outbox_deliveries_total{outcome=\"rate_limited\",platform=\"slack\"}"))
                  .isEqualTo(1.0);
              assertThat(
                      now.get(
                          "tandem_outbox_deliveries_total{outcome=\"retried\",platform=\"slack\"}"))
                  .isEqualTo(1.0);
              assertThat(now.get("tandem_outbox_messages{state=\"queued\"}")).isZero();
              assertThat(
                      now.get(
                          "tandem_outbox_deliveries_total{outcome=\"delivered\",platform=\"slack\"}"))
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
    // AND its run was counted once it ended
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(value("tandem_scheduler_jobs_executed_total{job=\"outbox-sweep\"}"))
                    .isGreaterThanOrEqualTo(1.0));

    // AND the metric names operators' dashboards and alerts use are today's, with their types,
    // next to the JVM's, the process's, the connection pool's and the scheduler's
    Map<String, String> types = new HashMap<>();
    Matcher type = TYPE.matcher(get("/metrics").body());
    while (type.find()) {
      types.put(type.group(1), type.group(2));
    }
    assertThat(types)
        .containsEntry("tandem_commands_total", "counter")
        .containsEntry("tandem_ack_latency_seconds", "histogram")
        .containsEntry("tandem_outbox_deliveries_total", "counter")
        .containsEntry("tandem_outbox_messages", "gauge")
        .containsEntry("tandem_outbox_oldest_queued_age_seconds", "gauge")
        .containsEntry("tandem_scheduler_lag_seconds", "histogram")
        .containsEntry("tandem_scheduler_jobs_executed_total", "counter")
        .containsEntry("jvm_memory_used_bytes", "gauge")
        .containsEntry("jvm_threads_live_threads", "gauge")
        .containsEntry("jvm_classes_loaded_classes", "gauge")
        .containsEntry("process_cpu_usage", "gauge")
        .containsEntry("process_uptime_seconds", "gauge")
        .containsEntry("process_files_open_files", "gauge")
        .containsEntry("hikaricp_connections_active", "gauge")
        .containsEntry("hikaricp_connections_pending", "gauge")
        .as("the queued count is tandem_outbox_messages{state=\"queued\"}; no second gauge")
        .doesNotContainKey("tandem_outbox_depth");
    assertThat(types.keySet()).anyMatch(name -> name.startsWith("jvm_gc_"));
  }

  @Test
  @DisplayName(
      "/health/live is up while the process runs; /health/ready needs database, scheduler and"
          + " Slack")
  void liveAndReady() throws Exception {
    // GIVEN Tandem connected to Slack over Socket Mode
    start(SimulatedChat.Kind.SLACK_SOCKET);

    // WHEN the orchestrator probes
    HttpResponse<String> live = get("/health/live");
    HttpResponse<String> ready = get("/health/ready");

    // THEN it is alive and ready, with what it checked
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(JsonParser.parseString(live.body()).getAsJsonObject().get("status").getAsString())
        .isEqualTo("up");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    JsonObject readyBody = JsonParser.parseString(ready.body()).getAsJsonObject();
    assertThat(readyBody.get("status").getAsString()).isEqualTo("ready");
    assertThat(readyBody.get("database").getAsString()).isEqualTo("up");
    assertThat(readyBody.get("scheduler").getAsString()).isEqualTo("running");
    assertThat(readyBody.get("slack").getAsString()).isEqualTo("up");
    assertThat(readyBody.has("reasons")).isFalse();

    // WHEN the Slack connection is gone
    tandem.slack().orElseThrow().close();
    HttpResponse<String> noSlack = get("/health/ready");

    // THEN it is not ready, and says why; it is still alive (a restart would not help)
    assertThat(noSlack.statusCode()).isEqualTo(503);
    JsonObject noSlackBody = JsonParser.parseString(noSlack.body()).getAsJsonObject();
    assertThat(noSlackBody.get("status").getAsString()).isEqualTo("not ready");
    assertThat(noSlackBody.get("slack").getAsString()).isEqualTo("down");
    assertThat(noSlackBody.getAsJsonArray("reasons").toString()).contains("slack is not connected");
    assertThat(get("/health/live").statusCode()).isEqualTo(200);

    // WHEN the scheduler stops too
    tandem.scheduling().close();

    // THEN both reasons are given, and /health (kept as it was) reports the scheduler down
    assertThat(get("/health/ready").body())
        .contains("slack is not connected")
        .contains("the scheduler is not running");
    assertThat(get("/health").statusCode()).isEqualTo(503);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
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
              "tandem_commands_total{command=\"help\",outcome=\"ok\",platform=\"discord\"}", 1.0)
          .containsKey(
              "tandem_commands_total{command=\"status\",outcome=\"ok\",platform=\"discord\"}");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          value(
                              "tandem_ack_latency_seconds_count{kind=\"command\","
                                  + "platform=\"discord\"}"))
                      .isEqualTo(2.0));
    } finally {
      tandem = null;
      discord.close();
    }
  }
}
