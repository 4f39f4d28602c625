package io.tandem.app.web;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tandem's {@link Metrics}, kept in memory and written in the Prometheus text exposition format
 * (version 0.0.4) for {@code /metrics}. Counters and histograms only; gauges that live in the
 * database (the outbox) are read at scrape time and passed to {@link #write}. Thread-safe; a report
 * costs a map lookup and a few atomic additions.
 */
public final class PrometheusMetrics implements Metrics {

  /** Upper bounds of the acknowledgement latency buckets, in seconds (Slack's limit is 3 s). */
  static final double[] ACK_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5
  };

  /** Upper bounds of the scheduler lag buckets, in seconds. */
  static final double[] LAG_BUCKETS = {0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900};

  private final Map<List<String>, LongAdder> commands = new ConcurrentHashMap<>();
  private final Map<List<String>, LongAdder> deliveries = new ConcurrentHashMap<>();
  private final Map<List<String>, Histogram> acks = new ConcurrentHashMap<>();
  private final Map<List<String>, Histogram> lags = new ConcurrentHashMap<>();

  @Override
  public void commandHandled(Platform platform, String command, Outcome outcome) {
    commands
        .computeIfAbsent(List.of(lower(platform), command, lower(outcome)), k -> new LongAdder())
        .increment();
  }

  @Override
  public void acknowledged(Platform platform, String kind, Duration latency) {
    acks.computeIfAbsent(List.of(lower(platform), kind), k -> new Histogram(ACK_BUCKETS))
        .observe(seconds(latency));
  }

  @Override
  public void delivery(Platform platform, Delivery outcome) {
    deliveries
        .computeIfAbsent(List.of(lower(platform), lower(outcome)), k -> new LongAdder())
        .increment();
  }

  @Override
  public void jobFired(String job, Duration lag) {
    lags.computeIfAbsent(List.of(job), k -> new Histogram(LAG_BUCKETS)).observe(seconds(lag));
  }

  /** What the outbox table holds at scrape time. */
  public record OutboxGauges(Map<String, Long> messagesByState, double oldestQueuedAgeSeconds) {}

  /** The exposition: every metric with its HELP and TYPE, then the outbox gauges. */
  public String write(OutboxGauges outbox) {
    StringBuilder out = new StringBuilder(4096);
    header(out, "tandem_commands_total", "counter", "Slash commands handled, by outcome.");
    sorted(commands)
        .forEach(
            (labels, count) ->
                sample(
                    out,
                    "tandem_commands_total",
                    labels(List.of("platform", "command", "outcome"), labels),
                    count.sum()));
    header(
        out,
        "tandem_ack_latency_seconds",
        "histogram",
        "Time from receiving a platform request to acknowledging it.");
    sorted(acks)
        .forEach(
            (labels, histogram) ->
                histogram.write(
                    out, "tandem_ack_latency_seconds", List.of("platform", "kind"), labels));
    header(
        out,
        "tandem_outbox_deliveries_total",
        "counter",
        "Outbox delivery attempts by outcome: delivered, rate_limited, retried or dead.");
    sorted(deliveries)
        .forEach(
            (labels, count) ->
                sample(
                    out,
                    "tandem_outbox_deliveries_total",
                    labels(List.of("platform", "outcome"), labels),
                    count.sum()));
    header(
        out,
        "tandem_scheduler_lag_seconds",
        "histogram",
        "How late scheduled jobs start against their scheduled fire time.");
    sorted(lags)
        .forEach(
            (labels, histogram) ->
                histogram.write(out, "tandem_scheduler_lag_seconds", List.of("job"), labels));
    header(
        out,
        "tandem_outbox_messages",
        "gauge",
        "Outbox messages waiting: queued, or dead (given up on).");
    outbox
        .messagesByState()
        .forEach(
            (state, count) ->
                sample(
                    out,
                    "tandem_outbox_messages",
                    labels(List.of("state"), List.of(state)),
                    count));
    header(
        out,
        "tandem_outbox_depth",
        "gauge",
        "Messages queued in the outbox and not yet delivered or dead.");
    sample(out, "tandem_outbox_depth", "", outbox.messagesByState().getOrDefault("queued", 0L));
    header(
        out,
        "tandem_outbox_oldest_queued_age_seconds",
        "gauge",
        "Age of the oldest queued outbox message; 0 when none is queued.");
    sample(out, "tandem_outbox_oldest_queued_age_seconds", "", outbox.oldestQueuedAgeSeconds());
    return out.toString();
  }

  /** A series map in a stable order, so scrapes list series the same way each time. */
  private static <V> Map<List<String>, V> sorted(Map<List<String>, V> series) {
    Map<List<String>, V> ordered = new java.util.TreeMap<>(Labels.ORDER);
    ordered.putAll(series);
    return ordered;
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String labels, double value) {
    out.append(name).append(labels).append(' ').append(number(value)).append('\n');
  }

  /** {@code {a="x",b="y"}}, values escaped as the format asks. */
  static String labels(List<String> names, List<String> values) {
    if (names.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(names.get(i)).append("=\"").append(escape(values.get(i))).append('"');
    }
    return out.append('}').toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String number(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** A Prometheus histogram: cumulative buckets, a sum and a count. */
  static final class Histogram {
    private final double[] bounds;
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    Histogram(double[] bounds) {
      this.bounds = bounds;
      this.buckets = new LongAdder[bounds.length];
      for (int i = 0; i < bounds.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(double value) {
      for (int i = 0; i < bounds.length; i++) {
        if (value <= bounds[i]) {
          buckets[i].increment();
          break;
        }
      }
      sum.add(value);
      count.increment();
    }

    void write(StringBuilder out, String name, List<String> names, List<String> values) {
      long total = count.sum();
      long cumulative = 0;
      List<String> withLe = new java.util.ArrayList<>(names);
      withLe.add("le");
      for (int i = 0; i < bounds.length; i++) {
        cumulative += buckets[i].sum();
        List<String> v = new java.util.ArrayList<>(values);
        v.add(number(bounds[i]));
        sample(out, name + "_bucket", labels(withLe, v), cumulative);
      }
      List<String> inf = new java.util.ArrayList<>(values);
      inf.add("+Inf");
      // read while others observe: never let +Inf (and the count) fall below the last bucket
      long all = Math.max(total, cumulative);
      sample(out, name + "_bucket", labels(withLe, inf), all);
      sample(out, name + "_sum", labels(names, values), sum.sum());
      sample(out, name + "_count", labels(names, values), all);
    }
  }

  /** Label value lists in a stable order, so scrapes list series the same way each time. */
  private static final class Labels {
    static final java.util.Comparator<List<String>> ORDER =
        (a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b));

    private Labels() {}
  }
}
