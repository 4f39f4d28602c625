package io.tandem.config;

import java.time.Duration;
import java.util.Objects;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * How the outbox delivers ({@code outbox}).
 *
 * @param maxAttempts tries that failed with a server error or timeout before a message is marked
 *     dead ({@value #MIN_ATTEMPTS}-{@value #MAX_ATTEMPTS}); rate-limit answers do not count
 * @param pollInterval how often to look for due messages when nothing wakes the dispatcher
 * @param batchSize messages claimed at once, and the most in memory ({@value #MAX_BATCH_SIZE} max)
 * @param lease how long a claim lasts before another instance may deliver the message again
 * @param workers conversations delivered in parallel
 */
public record OutboxConfig(
    @Range(
            min = MIN_ATTEMPTS,
            max = MAX_ATTEMPTS,
            message = "is not a whole number between 1 and " + MAX_ATTEMPTS)
        int maxAttempts,
    @DurationMin(millis = 10, message = POLL_EXPECTED)
        @DurationMax(minutes = 10, message = POLL_EXPECTED)
        Duration pollInterval,
    @Range(
            min = 1,
            max = MAX_BATCH_SIZE,
            message = "is not a whole number between 1 and " + MAX_BATCH_SIZE)
        int batchSize,
    @DurationMin(seconds = 10, message = LEASE_EXPECTED)
        @DurationMax(hours = 1, message = LEASE_EXPECTED)
        Duration lease,
    @Range(
            min = 1,
            max = MAX_WORKERS,
            message = "is not a whole number between 1 and " + MAX_WORKERS)
        int workers) {

  static final String POLL_EXPECTED = "is not a duration between 10ms and 10m (like 500ms, 5s, 2m)";
  static final String LEASE_EXPECTED = "is not a duration between 10s and 1h (like 90s, 2m)";

  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_BATCH_SIZE = 50;
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

  /**
   * Deliveries wait on the platform most of the time (two HTTP calls per new DM), so workers are
   * cheap; 8 reached 0.40 of Slack's workspace limit in the fan-out benchmark, 32 reached 0.99.
   */
  public static final int DEFAULT_WORKERS = 32;

  public static final int MIN_ATTEMPTS = 1;
  public static final int MAX_ATTEMPTS = 100;
  public static final int MAX_BATCH_SIZE = 1000;
  public static final int MAX_WORKERS = 256;
  public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(10);
  public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);
  public static final Duration MIN_LEASE = Duration.ofSeconds(10);
  public static final Duration MAX_LEASE = Duration.ofHours(1);

  public OutboxConfig {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(lease, "lease");
    SlackRateLimits.requireRange(maxAttempts, MIN_ATTEMPTS, MAX_ATTEMPTS, "maxAttempts");
    SlackRateLimits.requireRange(batchSize, 1, MAX_BATCH_SIZE, "batchSize");
    SlackRateLimits.requireRange(workers, 1, MAX_WORKERS, "workers");
    requireBetween(pollInterval, MIN_POLL_INTERVAL, MAX_POLL_INTERVAL, "pollInterval");
    requireBetween(lease, MIN_LEASE, MAX_LEASE, "lease");
  }

  public static OutboxConfig defaults() {
    return new OutboxConfig(
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_BATCH_SIZE,
        DEFAULT_LEASE,
        DEFAULT_WORKERS);
  }

  static void requireBetween(Duration value, Duration min, Duration max, String name) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " " + value + " is not between " + min + " and " + max);
    }
  }
}
