package io.tandem.core.delivery;

import io.tandem.core.delivery.TokenBucketRateLimiter.Sleeper;
import io.tandem.core.port.out.RateLimiter;
import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  private final Database db;
  private final String name;
  private final long intervalNanos;
  private final long burstNanos;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String upsert;
  private final AtomicInteger sinceCleanup = new AtomicInteger();

  /**
   * @param name the budget's name, shared by every instance (it prefixes each key's row), e.g.
   *     {@code slack workspace}
   * @param permitsPerSecond the sustained rate, above zero
   * @param burst how many permits may be taken at once after a quiet spell, at least 1
   */
  public SharedRateLimiter(
      Database db, String name, double permitsPerSecond, int burst, Clock clock, Sleeper sleeper) {
    this.db = Objects.requireNonNull(db, "db");
    this.name = Objects.requireNonNull(name, "name");
    TokenBucketRateLimiter.checkRate(permitsPerSecond, burst);
    this.intervalNanos = Math.max(1, Math.round(1e9 / permitsPerSecond));
    this.burstNanos = intervalNanos * burst;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    String greater = db.isSqlite() ? "MAX" : "GREATEST";
    this.upsert =
        "INSERT INTO rate_budget (bucket, free_at) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE"
            + " SET free_at = "
            + greater
            + "(rate_budget.free_at, ?) + ? RETURNING free_at";
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
    try (Connection connection = db.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      long freeAt;
      try (PreparedStatement st = connection.prepareStatement(upsert)) {
        st.setString(1, bucket(key));
        st.setLong(2, full + intervalNanos);
        st.setLong(3, full);
        st.setLong(4, intervalNanos);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          freeAt = rs.getLong(1);
        }
      }
      if (sinceCleanup.incrementAndGet() >= CLEANUP_EVERY) {
        sinceCleanup.set(0);
        forgetFullBuckets(connection, full);
      }
      return Duration.ofNanos(Math.max(0, freeAt - now));
    } catch (SQLException e) {
      throw new IllegalStateException("could not book a permit of " + name + " for " + key, e);
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

  /** Deletes this limiter's rows whose bucket is full again (their state is the default). */
  private void forgetFullBuckets(Connection connection, long full) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "DELETE FROM rate_budget WHERE bucket LIKE ? ESCAPE '\\' AND free_at < ?")) {
      st.setString(1, name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%");
      st.setLong(2, full);
      st.executeUpdate();
    }
  }

  @Override
  public String toString() {
    return "SharedRateLimiter[" + name + ", every " + Duration.ofNanos(intervalNanos) + "]";
  }
}
