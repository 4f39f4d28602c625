package io.tandem.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * One side's answers during a run: a latency histogram of the measured requests (microseconds, 3
 * significant digits) and counts of what was sent, answered and failed. Recorded from whatever
 * thread completes a request; thread-safe.
 */
final class Latencies {

  // as long as Slack takes an answer at a response_url, so a backlog is measured, not clamped
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(30);

  private final String name;
  private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong warmupSent = new AtomicLong();
  private final AtomicLong warmupFailed = new AtomicLong();
  private volatile String firstFailure;

  /**
   * A diagnostic: with {@code -Dtandem.bench.trace=PREFIX} each process appends every measured
   * request (side, due time as JVM uptime in µs, latency in µs) to {@code PREFIX-PID}, to line the
   * slowest up with that process's {@code -Xlog:gc*,safepoint:file=...-%p.log:uptime}.
   */
  private static final String TRACE = System.getProperty("tandem.bench.trace");

  private static final long UPTIME_ZERO =
      System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;

  private final StringBuilder trace = new StringBuilder();

  Latencies(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  void sent(boolean measured) {
    (measured ? sent : warmupSent).incrementAndGet();
  }

  void answered(boolean measured, long latencyNanos) {
    if (measured) {
      long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos));
      synchronized (histogram) {
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
        if (TRACE != null) {
          long dueMicros = (System.nanoTime() - latencyNanos - UPTIME_ZERO) / 1000;
          trace.append(name).append(' ').append(dueMicros).append(' ').append(micros).append('\n');
        }
      }
    }
  }

  void failed(boolean measured, Throwable cause) {
    (measured ? failed : warmupFailed).incrementAndGet();
    if (firstFailure == null) {
      firstFailure = String.valueOf(cause);
    }
  }

  private void writeTrace() {
    if (TRACE != null) {
      try {
        Files.writeString(
            Path.of(TRACE + "-" + ProcessHandle.current().pid()),
            trace,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        System.err.println("Cannot write the trace: " + e);
      }
    }
  }

  /** The counts and the histogram, for another process to {@link #add}. */
  JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("sent", sent.get());
    json.addProperty("failed", failed.get());
    json.addProperty("warmupSent", warmupSent.get());
    json.addProperty("warmupFailed", warmupFailed.get());
    if (firstFailure != null) {
      json.addProperty("firstFailure", firstFailure);
    }
    synchronized (histogram) {
      writeTrace();
      ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
      int length = histogram.encodeIntoCompressedByteBuffer(buffer);
      json.addProperty(
          "histogram", Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)));
    }
    return json;
  }

  /** Adds what {@link #toJson} wrote in another process (one side's part of a run). */
  void add(JsonObject json) {
    sent.addAndGet(json.get("sent").getAsLong());
    failed.addAndGet(json.get("failed").getAsLong());
    warmupSent.addAndGet(json.get("warmupSent").getAsLong());
    warmupFailed.addAndGet(json.get("warmupFailed").getAsLong());
    if (firstFailure == null && json.has("firstFailure")) {
      firstFailure = json.get("firstFailure").getAsString();
    }
    byte[] encoded = Base64.getDecoder().decode(json.get("histogram").getAsString());
    try {
      Histogram other =
          Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), HIGHEST_MICROS);
      synchronized (histogram) {
        histogram.add(other);
      }
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not a histogram written by toJson", e);
    }
  }

  /** The numbers as they stand now. */
  Summary summary() {
    synchronized (histogram) {
      return new Summary(
          name,
          sent.get(),
          histogram.getTotalCount(),
          failed.get(),
          warmupSent.get(),
          warmupFailed.get(),
          millis(histogram.getValueAtPercentile(50)),
          millis(histogram.getValueAtPercentile(99)),
          millis(histogram.getValueAtPercentile(99.9)),
          millis(histogram.getMaxValue()),
          millis(histogram.getMean()),
          firstFailure);
    }
  }

  private static double millis(double micros) {
    return Math.round(micros) / 1000.0;
  }

  /**
   * One side's result, latencies in milliseconds.
   *
   * @param sent measured requests sent
   * @param count measured requests answered (the histogram's count)
   * @param failed measured requests that got no good answer (error status, timeout)
   */
  record Summary(
      String side,
      long sent,
      long count,
      long failed,
      long warmupSent,
      long warmupFailed,
      double p50,
      double p99,
      double p999,
      double max,
      double mean,
      String firstFailure) {}
}
