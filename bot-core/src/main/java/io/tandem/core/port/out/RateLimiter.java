package io.tandem.core.port.out;

/**
 * Paces calls to a platform: each key (a channel, a workspace, an API method) gets its own budget.
 * Built by the composition root from configuration (see {@code
 * io.tandem.core.delivery.TokenBucketRateLimiter}) and handed to the {@link ChatPort}s, which call
 * {@link #acquire} right before each platform call. Thread-safe.
 */
public interface RateLimiter {

  /**
   * Takes one permit for {@code key}, waiting until one is free; permits are handed out in the
   * order they were asked for.
   *
   * @throws InterruptedException when the waiting thread is interrupted (shutdown)
   */
  void acquire(String key) throws InterruptedException;

  /** A limiter that never waits. */
  static RateLimiter unlimited() {
    return key -> {};
  }
}
