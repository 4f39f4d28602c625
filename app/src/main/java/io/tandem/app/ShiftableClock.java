package io.tandem.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock moved by an offset that can change: the demo's compressed weeks and the scenario
 * tests move time forward without waiting for it.
 */
final class ShiftableClock extends Clock {
  private final AtomicReference<Duration> offset;

  ShiftableClock(Duration offset) {
    this.offset = new AtomicReference<>(offset);
  }

  /** A clock that reads {@code at} now and then runs on from there. */
  static ShiftableClock startingAt(Instant at) {
    return new ShiftableClock(Duration.between(Instant.now(), at));
  }

  void shift(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
