package io.tandem.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock moved by an offset that can change: the demo's compressed weeks and the scenario
 * tests move time forward without waiting for it. A clock can also stand still between shifts, so
 * that what happens in one step happens at one instant, however long it takes.
 */
final class ShiftableClock extends Clock {
  private final AtomicReference<Duration> offset;

  /** Where the clock stands, or {@code null} while it runs. */
  private final AtomicReference<Instant> standing = new AtomicReference<>();

  ShiftableClock(Duration offset) {
    this.offset = new AtomicReference<>(offset);
  }

  /** A clock that reads {@code at} now and then runs on from there. */
  static ShiftableClock startingAt(Instant at) {
    return new ShiftableClock(Duration.between(Instant.now(), at));
  }

  /** A clock that reads {@code at} until it is shifted, and then the new instant. */
  static ShiftableClock standingAt(Instant at) {
    ShiftableClock clock = new ShiftableClock(Duration.ZERO);
    clock.standing.set(at);
    return clock;
  }

  void shift(Duration by) {
    if (standing.getAndUpdate(at -> at == null ? null : at.plus(by)) == null) {
      offset.updateAndGet(o -> o.plus(by));
    }
  }

  /** From now on the clock reads the real time and runs. */
  void runInRealTime() {
    offset.set(Duration.ZERO);
    standing.set(null);
  }

  @Override
  public Instant instant() {
    Instant at = standing.get();
    return at != null ? at : Instant.now().plus(offset.get());
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
