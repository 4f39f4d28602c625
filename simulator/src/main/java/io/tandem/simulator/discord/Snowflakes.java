package io.tandem.simulator.discord;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes Discord-style ids: milliseconds since the Discord epoch shifted left by 22 bits, plus a
 * counter. Interaction ids must be fresh, because JDA derives an interaction's age from its id and
 * refuses follow-ups for interactions older than 15 minutes.
 */
final class Snowflakes {
  static final long DISCORD_EPOCH_MILLIS = 1420070400000L;

  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  Snowflakes(Clock clock) {
    this.clock = clock;
  }

  String next() {
    long candidate = (clock.millis() - DISCORD_EPOCH_MILLIS) << 22;
    return Long.toUnsignedString(last.updateAndGet(previous -> Math.max(previous + 1, candidate)));
  }
}
