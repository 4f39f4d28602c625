package io.tandem.core.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The delay before a failed delivery is tried again: {@code base * 2^(attempt-1)}, capped at the
 * maximum, times a random factor in [0.5, 1] so that messages failed together do not return
 * together.
 */
final class RetryBackoff {

  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  RetryBackoff(Duration base, Duration max, RandomGenerator random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The delay before retry number {@code attempt + 1}. */
  Duration delay(int attempt) {
    long baseMillis = base.toMillis();
    long maxMillis = max.toMillis();
    int shift = Math.min(attempt - 1, 30);
    long exponential =
        baseMillis > (maxMillis >> shift) ? maxMillis : Math.min(maxMillis, baseMillis << shift);
    double factor = 0.5 + 0.5 * random.nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(exponential * factor)));
  }
}
