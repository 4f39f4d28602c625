package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.Metrics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The /metrics exposition")
class PrometheusMetricsTest {

  private static final PrometheusMetrics.OutboxGauges EMPTY_OUTBOX =
      new PrometheusMetrics.OutboxGauges(Map.of("queued", 0L), 0);

  @Test
  @DisplayName("histogram buckets are cumulative, with +Inf, sum and count")
  void histogram() {
    // GIVEN three acknowledgements: 2 ms, 40 ms and 4 s
    PrometheusMetrics metrics = new PrometheusMetrics();
    metrics.acknowledged(Platform.SLACK, "command", Duration.ofMillis(2));
    metrics.acknowledged(Platform.SLACK, "command", Duration.ofMillis(40));
    metrics.acknowledged(Platform.SLACK, "command", Duration.ofSeconds(4));

    // WHEN scraped
    String text = metrics.write(EMPTY_OUTBOX);

    // THEN each bucket counts everything at or below its bound
    String series = "tandem_ack_latency_seconds_bucket{kind=\"command\",platform=\"slack\",le=";
    assertThat(text)
        .contains("# TYPE tandem_ack_latency_seconds histogram\n")
        .contains(series + "\"0.001\"} 0\n")
        .contains(series + "\"0.0025\"} 1\n")
        .contains(series + "\"0.05\"} 2\n")
        .contains(series + "\"3.0\"} 2\n")
        .contains(series + "\"5.0\"} 3\n")
        .contains(series + "\"+Inf\"} 3\n")
        .contains("tandem_ack_latency_seconds_sum{kind=\"command\",platform=\"slack\"} 4.042\n")
        .contains("tandem_ack_latency_seconds_count{kind=\"command\",platform=\"slack\"} 3\n");
  }

  @Test
  @DisplayName("label values are escaped and every sample line is name{labels} value")
  void escaping() {
    // GIVEN a job name with a quote, a backslash and a line break
    PrometheusMetrics metrics = new PrometheusMetrics();
    metrics.jobFired("odd \"job\"\\\nname", Duration.ZERO);
    metrics.commandHandled(Platform.DISCORD, "log", Metrics.Outcome.INVALID);
    metrics.delivery(Platform.SLACK, Metrics.Delivery.DEAD);

    // WHEN scraped
    String text = metrics.write(new PrometheusMetrics.OutboxGauges(Map.of("queued", 3L), 12.5));

    // THEN the value is escaped, and the text stays one sample per line
    assertThat(text)
        .contains("job=\"odd \\\"job\\\"\\\\\\nname\"")
        .contains(
            "tandem_commands_total{command=\"log\",outcome=\"invalid\",platform=\"discord\"} 1.0\n")
        .contains("tandem_outbox_deliveries_total{outcome=\"dead\",platform=\"slack\"} 1.0\n")
        .contains("tandem_outbox_messages{state=\"queued\"} 3.0\n")
        .contains("tandem_outbox_oldest_queued_age_seconds 12.5\n")
        .as("the queued count is tandem_outbox_messages{state=\"queued\"}, not a second gauge")
        .doesNotContain("tandem_outbox_depth");
    assertThat(text.lines())
        .allMatch(
            l ->
                l.startsWith("# HELP ")
                    || l.startsWith("# TYPE ")
                    || l.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*\\})? (NaN|[0-9.eE+-]+)"));
  }
}
