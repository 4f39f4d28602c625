package io.tandem.simulator.slack;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues Slack-shaped ids and message timestamps for one simulator. Thread-safe.
 *
 * <p>Ids are sequential, so a test that registers users in the same order sees the same ids.
 */
final class Ids {
  private final Clock clock;
  private final AtomicLong lastMicros = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();

  Ids(Clock clock) {
    this.clock = clock;
  }

  /** A new id with a Slack prefix letter, e.g. {@code next('V')} gives {@code V0SIM000007}. */
  String next(char prefix) {
    return prefix + "0SIM" + String.format("%06d", sequence.incrementAndGet());
  }

  /** A trigger id shaped like Slack's: {@code 1234567.1234.abcdef…}. */
  String triggerId() {
    long n = sequence.incrementAndGet();
    return clock.millis() / 1000 + "." + n + "." + Long.toHexString(n * 0x9E3779B97F4AL);
  }

  /** A message timestamp, {@code seconds.micros}, strictly increasing across the simulator. */
  String ts() {
    long now = clock.millis() * 1000;
    long micros = lastMicros.updateAndGet(last -> Math.max(now, last + 1));
    return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }
}
