package io.tandem.core.delivery;

import io.tandem.core.delivery.TokenBucketRateLimiter.Sleeper;
import io.tandem.core.port.out.RateLimiter;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token bucket whose state lives in the database (table {@code rate_budget}), so that every
 * instance on that database draws from one budget: a platform's limits hold per workspace (per
 * bot), not per instance. The same refill and burst as {@link TokenBucketRateLimiter}, kept as one
 * number per key: the instant from which the next permit is free ({@code free_at}). Booking a
 * permit is one atomic upsert that moves it on by one interval and returns it:
 *
 * <pre>free_at = max(free_at, now - burst × interval) + interval;  wait = max(0, free_at - now)
 * </pre>
 *
 * Reservation semantics as in the in-memory bucket: permits are booked in the order the database
 * takes the upserts, each caller then waits its own time. Instants come from each instance's
 * injected clock; instances whose clocks differ by δ can exceed the budget by at most δ × rate
 * permits (keep their clocks synchronised, as NTP does).
 *
 * <p>Costs one round trip per permit on a pooled connection of its own, outside any transaction
 * (autocommit), so a waiting caller holds no row lock. Buckets that have refilled are deleted now
 * and then. Thread-safe.
 */
public final class SharedRateLimiter implements RateLimiter {

  private static final int CLEANUP_EVERY = 1024;

  private final RateBudgets budgets;
  private final String name;
  private final long intervalNanos;
  private final long burstNanos;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicInteger sinceCleanup = new AtomicInteger();

  /**
   * @param name the budget's name, shared by every instance (it prefixes each key's row), e.g.
   *     {@code slack workspace}
   * @param permitsPerSecond the sustained rate, above zero
   * @param burst how many permits may be taken at once after a quiet spell, at least 1
   */
  public SharedRateLimiter(
      Database db, String name, double permitsPerSecond, int burst, Clock clock, Sleeper sleeper) {
    this.budgets = RateBudgets.in(Objects.requireNonNull(db, "db"));
    this.name = Objects.requireNonNull(name, "name");
    TokenBucketRateLimiter.checkRate(permitsPerSecond, burst);
    this.intervalNanos = Math.max(1, Math.round(1e9 / permitsPerSecond));
    this.burstNanos = intervalNanos * burst;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** {@code perMinute} permits a minute, with a burst of {@code burst}, waiting in real time. */
  public static SharedRateLimiter perMinute(
      Database db, String name, int perMinute, int burst, Clock clock) {
    return new SharedRateLimiter(db, name, perMinute / 60.0, burst, clock, Sleeper.REAL);
  }

  /** {@code perSecond} permits a second, with a burst of {@code burst}, waiting in real time. */
  public static SharedRateLimiter perSecond(
      Database db, String name, double perSecond, int burst, Clock clock) {
    return new SharedRateLimiter(db, name, perSecond, burst, clock, Sleeper.REAL);
  }

  /** Books the next permit for {@code key}; returns how long to wait for it (zero: at once). */
  public Duration reserve(String key) {
    Objects.requireNonNull(key, "key");
    long now = TokenBucketRateLimiter.nanos(clock.instant());
    long full = now - burstNanos;
    boolean cleanup = sinceCleanup.incrementAndGet() >= CLEANUP_EVERY;
    if (cleanup) {
      sinceCleanup.set(0);
    }
    try {
      long freeAt = budgets.book(bucket(key), full, intervalNanos, cleanup ? name : null);
      return Duration.ofNanos(Math.max(0, freeAt - now));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "could not book a permit of " + name + " for " + key, e.getCause());
    }
  }

  @Override
  public void acquire(String key) throws InterruptedException {
    Duration wait = reserve(key);
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  private String bucket(String key) {
    return name + "|" + key;
  }

  @Override
  public String toString() {
    return "SharedRateLimiter[" + name + ", every " + Duration.ofNanos(intervalNanos) + "]";
  }
}
