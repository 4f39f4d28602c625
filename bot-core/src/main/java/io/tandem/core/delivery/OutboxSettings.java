package io.tandem.core.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link OutboxDispatcher} works.
 *
 * @param maxAttempts tries (failed with 5xx or a timeout) before a message is marked dead; 429
 *     answers do not count
 * @param pollInterval how often the dispatcher looks for due messages when nothing wakes it
 * @param batchSize how many messages one claim takes, and the most held in memory at once
 * @param lease how long a claim lasts: a message whose dispatcher has not recorded its outcome
 *     within this time is delivered again (by this or another instance). Keep it well above the
 *     longest rate-limit wait of {@code batchSize} messages
 * @param workers threads delivering in parallel (one conversation at a time each)
 * @param backoffBase the first retry delay after a transient failure, doubled per attempt
 * @param backoffMax the longest retry delay
 */
public record OutboxSettings(
    int maxAttempts,
    Duration pollInterval,
    int batchSize,
    Duration lease,
    int workers,
    Duration backoffBase,
    Duration backoffMax) {

  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_BATCH_SIZE = 50;
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

  /**
   * Deliveries wait on the platform most of the time (two HTTP calls per new DM), so workers are
   * cheap; 8 reached 0.40 of Slack's workspace limit in the fan-out benchmark, 32 reached 0.99.
   */
  public static final int DEFAULT_WORKERS = 32;

  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(2);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(10);

  public OutboxSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(backoffMax, "backoffMax");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + workers);
    }
    for (Duration d : new Duration[] {pollInterval, lease, backoffBase, backoffMax}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive: " + d);
      }
    }
  }

  public static OutboxSettings defaults() {
    return new OutboxSettings(
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_BATCH_SIZE,
        DEFAULT_LEASE,
        DEFAULT_WORKERS,
        DEFAULT_BACKOFF_BASE,
        DEFAULT_BACKOFF_MAX);
  }

  public OutboxSettings withMaxAttempts(int value) {
    return new OutboxSettings(
        value, pollInterval, batchSize, lease, workers, backoffBase, backoffMax);
  }

  public OutboxSettings withPollInterval(Duration value) {
    return new OutboxSettings(
        maxAttempts, value, batchSize, lease, workers, backoffBase, backoffMax);
  }

  public OutboxSettings withBatchSize(int value) {
    return new OutboxSettings(
        maxAttempts, pollInterval, value, lease, workers, backoffBase, backoffMax);
  }

  public OutboxSettings withLease(Duration value) {
    return new OutboxSettings(
        maxAttempts, pollInterval, batchSize, value, workers, backoffBase, backoffMax);
  }

  public OutboxSettings withWorkers(int value) {
    return new OutboxSettings(
        maxAttempts, pollInterval, batchSize, lease, value, backoffBase, backoffMax);
  }

  public OutboxSettings withBackoff(Duration base, Duration max) {
    return new OutboxSettings(maxAttempts, pollInterval, batchSize, lease, workers, base, max);
  }
}
