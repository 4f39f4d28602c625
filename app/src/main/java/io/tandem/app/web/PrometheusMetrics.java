package io.tandem.app.web;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.Metrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Tandem's {@link Metrics} on a Micrometer {@link PrometheusMeterRegistry}, written in the
 * Prometheus text format for {@code /metrics}: Tandem's own counters and histograms (names stable
 * across releases: {@code tandem_commands_total}, {@code tandem_ack_latency_seconds}, {@code
 * tandem_outbox_deliveries_total}, {@code tandem_scheduler_lag_seconds}, the outbox gauges), the
 * scheduled jobs' runs, failures and misfires, and Micrometer's JVM (memory, GC, threads, classes),
 * process (CPU, uptime, open files) and, once {@link #bindPool} is called, HikariCP pool metrics.
 *
 * <p>The outbox gauges live in the database and are read once per scrape by {@link
 * MetricsEndpoint}, which hands them to {@link #write}. Thread-safe; a report costs a registry
 * lookup and an atomic addition. {@link #close} detaches the GC listeners.
 */
public final class PrometheusMetrics implements Metrics, AutoCloseable {

  /** Upper bounds of the acknowledgement latency buckets, in seconds (Slack's limit is 3 s). */
  static final double[] ACK_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5
  };

  /** Upper bounds of the scheduler lag buckets, in seconds. */
  static final double[] LAG_BUCKETS = {0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900};

  private static final Duration[] ACK_SLOS = durations(ACK_BUCKETS);
  private static final Duration[] LAG_SLOS = durations(LAG_BUCKETS);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final AtomicReference<OutboxGauges> outbox =
      new AtomicReference<>(new OutboxGauges(Map.of(), 0));

  public PrometheusMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    for (String state : new String[] {"queued", "dead"}) {
      Gauge.builder(
              "tandem.outbox.messages",
              outbox,
              o -> o.get().messagesByState().getOrDefault(state, 0L))
          .description("Outbox messages waiting: queued, or dead (given up on).")
          .tag("state", state)
          .register(registry);
    }
    Gauge.builder("tandem.outbox.oldest.queued.age", outbox, o -> o.get().oldestQueuedAgeSeconds())
        .description("Age of the oldest queued outbox message; 0 when none is queued.")
        .baseUnit("seconds")
        .register(registry);
  }

  /** The registry, for what reports to Micrometer directly (the connection pool). */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Adds the connection pool's metrics ({@code hikaricp_connections_active}, {@code _pending},
   * {@code _acquire_seconds}, …) when {@code dataSource} is a HikariCP pool; once per pool.
   */
  public void bindPool(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari && hikari.getMetricRegistry() == null) {
      hikari.setMetricRegistry(registry);
    }
  }

  @Override
  public void commandHandled(Platform platform, String command, Outcome outcome) {
    count(
        "tandem.commands",
        "Slash commands handled, by outcome.",
        "platform",
        lower(platform),
        "command",
        command,
        "outcome",
        lower(outcome));
  }

  @Override
  public void acknowledged(Platform platform, String kind, Duration latency) {
    time(
        "tandem.ack.latency",
        "Time from receiving a platform request to acknowledging it.",
        ACK_SLOS,
        latency,
        "platform",
        lower(platform),
        "kind",
        kind);
  }

  @Override
  public void delivery(Platform platform, Delivery outcome) {
    count(
        "tandem.outbox.deliveries",
        "Outbox delivery attempts by outcome: delivered, rate_limited, retried or dead.",
        "platform",
        lower(platform),
        "outcome",
        lower(outcome));
  }

  @Override
  public void jobFired(String job, Duration lag) {
    time(
        "tandem.scheduler.lag",
        "How late scheduled jobs start against their scheduled fire time.",
        LAG_SLOS,
        lag,
        "job",
        job);
  }

  @Override
  public void jobFinished(String job, boolean failed) {
    count(
        "tandem.scheduler.jobs.executed",
        "Scheduled job runs that ended, failed or not.",
        "job",
        job);
    if (failed) {
      count(
          "tandem.scheduler.jobs.failed",
          "Scheduled job runs that ended with an error.",
          "job",
          job);
    }
  }

  @Override
  public void jobMisfired(String job) {
    count(
        "tandem.scheduler.jobs.misfired",
        "Scheduled firings missed by more than the misfire threshold.",
        "job",
        job);
  }

  /** Adds one to the counter {@code name} with the tags given as name, value, name, value, … */
  private void count(String name, String description, String... tags) {
    Counter.builder(name).description(description).tags(tags).register(registry).increment();
  }

  /** Records {@code amount} in the histogram {@code name} with buckets at {@code bounds}. */
  private void time(
      String name, String description, Duration[] bounds, Duration amount, String... tags) {
    Timer.builder(name)
        .description(description)
        .tags(tags)
        .serviceLevelObjectives(bounds)
        .register(registry)
        .record(amount);
  }

  /** What the outbox table holds at scrape time. */
  public record OutboxGauges(Map<String, Long> messagesByState, double oldestQueuedAgeSeconds) {}

  /** The exposition, with the outbox gauges as given. */
  public synchronized String write(OutboxGauges gauges) {
    outbox.set(gauges);
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private static Duration[] durations(double[] seconds) {
    return Arrays.stream(seconds)
        .mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9)))
        .toArray(Duration[]::new);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
