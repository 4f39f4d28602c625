package io.tandem.simulator.discord;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The 429s a test asked for: per route, how many calls are still refused and for how long. */
final class RateLimits {
  private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

  void limit(String method, String route, int times, Duration retryAfter) {
    limits.put(method.toUpperCase(Locale.ROOT) + " " + route, new RateLimit(times, retryAfter));
  }

  /** How long the caller must wait, when this call is one of the refused ones. */
  Optional<Duration> take(String method, String route) {
    RateLimit limit = limits.get(method + " " + route);
    if (limit == null) {
      return Optional.empty();
    }
    synchronized (limit) {
      if (limit.remaining <= 0) {
        return Optional.empty();
      }
      limit.remaining--;
      return Optional.of(limit.retryAfter);
    }
  }

  private static final class RateLimit {
    private int remaining;
    private final Duration retryAfter;

    private RateLimit(int remaining, Duration retryAfter) {
      this.remaining = remaining;
      this.retryAfter = retryAfter;
    }
  }
}
