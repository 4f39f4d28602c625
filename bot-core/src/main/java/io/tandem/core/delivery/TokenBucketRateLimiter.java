package io.tandem.core.delivery;

import io.tandem.core.port.out.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * A keyed token bucket: each key refills at {@code permitsPerSecond} up to {@code burst} permits.
 * Clock-driven: {@link #reserve(String)} computes, from the injected clock alone, how long the
 * caller must wait for its permit, and books that permit (reservation semantics, so waiters are
 * served in order and the long-run rate is exact). {@link #acquire(String)} reserves and then waits
 * with the injected {@link Sleeper}.
 *
 * <p>Buckets that have been full for a while are forgotten, so per-channel keys do not pile up.
 * Thread-safe.
 */
public final class TokenBucketRateLimiter implements RateLimiter {

  /** Waits; tests pass one that records or advances a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL =
        duration -> {
          long nanos = duration.toNanos();
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        };
  }

  private static final int CLEANUP_EVERY = 1024;

  private final String name;
  private final double permitsPerNano;
  private final double burst;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Bucket> buckets = new HashMap<>();
  private int reservationsSinceCleanup;

  /** One key's state: the permits available at {@code at} (negative when booked ahead). */
  private static final class Bucket {
    double permits;
    long at;

    Bucket(double permits, long at) {
      this.permits = permits;
      this.at = at;
    }
  }

  /**
   * @param name for logs and {@link #toString()}, e.g. {@code slack chat.postMessage per channel}
   * @param permitsPerSecond the sustained rate, above zero
   * @param burst how many permits may be taken at once after a quiet spell, at least 1
   */
  public TokenBucketRateLimiter(
      String name, double permitsPerSecond, int burst, Clock clock, Sleeper sleeper) {
    this.name = Objects.requireNonNull(name, "name");
    checkRate(permitsPerSecond, burst);
    this.permitsPerNano = permitsPerSecond / 1e9;
    this.burst = burst;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** {@code perMinute} permits a minute, with a burst of {@code burst}. */
  public static TokenBucketRateLimiter perMinute(
      String name, int perMinute, int burst, Clock clock) {
    return new TokenBucketRateLimiter(name, perMinute / 60.0, burst, clock, Sleeper.REAL);
  }

  /** {@code perSecond} permits a second, with a burst of {@code burst}. */
  public static TokenBucketRateLimiter perSecond(
      String name, double perSecond, int burst, Clock clock) {
    return new TokenBucketRateLimiter(name, perSecond, burst, clock, Sleeper.REAL);
  }

  /** Books the next permit for {@code key}; returns how long to wait for it (zero: at once). */
  public Duration reserve(String key) {
    Objects.requireNonNull(key, "key");
    long now = nanos(clock.instant());
    synchronized (buckets) {
      if (++reservationsSinceCleanup >= CLEANUP_EVERY) {
        reservationsSinceCleanup = 0;
        forgetFullBuckets(now);
      }
      Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
      refill(bucket, now);
      bucket.permits -= 1;
      if (bucket.permits >= 0) {
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil(-bucket.permits / permitsPerNano));
    }
  }

  @Override
  public void acquire(String key) throws InterruptedException {
    Duration wait = reserve(key);
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  private void refill(Bucket bucket, long now) {
    if (now > bucket.at) {
      bucket.permits = Math.min(burst, bucket.permits + (now - bucket.at) * permitsPerNano);
      bucket.at = now;
    }
  }

  private void forgetFullBuckets(long now) {
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket bucket = it.next();
      refill(bucket, now);
      if (bucket.permits >= burst) {
        it.remove();
      }
    }
  }

  /** Refuses a rate that is not above zero and finite, or a burst below 1. */
  static void checkRate(double permitsPerSecond, int burst) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException("permitsPerSecond must be above 0: " + permitsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + burst);
    }
  }

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  @Override
  public String toString() {
    return "TokenBucketRateLimiter["
        + name
        + ", "
        + permitsPerNano * 1e9
        + "/s, burst "
        + burst
        + "]";
  }
}
