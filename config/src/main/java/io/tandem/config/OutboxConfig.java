package io.tandem.config;

import java.time.Duration;
import java.util.Objects;

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
    int maxAttempts, Duration pollInterval, int batchSize, Duration lease, int workers) {

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
