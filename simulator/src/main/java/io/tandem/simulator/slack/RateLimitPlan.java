package io.tandem.simulator.slack;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rate limits the simulator enforces when asked to ({@link
 * SlackSimulator#enforceRateLimit(String, int)}, {@link
 * SlackSimulator#enforceWorkspaceRateLimit(int)}): token buckets on the simulator's clock, like
 * Slack's own allowance with short bursts. Off by default. Thread-safe.
 */
final class RateLimitPlan {

  /** One bucket: {@code permits} available at {@code atNanos}. */
  private static final class Bucket {
    double permits;
    long atNanos;

    Bucket(double permits, long atNanos) {
      this.permits = permits;
      this.atNanos = atNanos;
    }
  }

  /** A limit: a rate and a burst, with a bucket per key. */
  private static final class Limit {
    final double perNano;
    final double burst;
    final Map<String, Bucket> buckets = new HashMap<>();

    Limit(double perSecond, double burst) {
      this.perNano = perSecond / 1e9;
      this.burst = burst;
    }

    /** Takes a permit for {@code key}, or returns the nanoseconds until one is free. */
    synchronized long take(String key, long now) {
      Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
      if (now > b.atNanos) {
        b.permits = Math.min(burst, b.permits + (now - b.atNanos) * perNano);
        b.atNanos = now;
      }
      if (b.permits >= 1) {
        b.permits -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - b.permits) / perNano);
    }
  }

  private final Clock clock;
  private final Map<String, Limit> perChannel = new ConcurrentHashMap<>();
  private volatile Limit workspace;
  private final AtomicLong refused = new AtomicLong();

  RateLimitPlan(Clock clock) {
    this.clock = clock;
  }

  void perChannel(String method, int perSecond, int burst) {
    perChannel.put(method, new Limit(perSecond, burst));
  }

  void workspace(int perMinute) {
    workspace = new Limit(perMinute / 60.0, Math.max(1, perMinute / 60));
  }

  void clear() {
    perChannel.clear();
    workspace = null;
  }

  /**
   * Admits a call or refuses it: returns 0 when it may be served, else the whole seconds to put in
   * {@code Retry-After} (at least 1). A refused call uses up no permit.
   */
  int admit(String method, String channel) {
    long now = nanos();
    Limit channelLimit = perChannel.get(method);
    if (channelLimit != null && channel != null) {
      long wait = channelLimit.take(channel, now);
      if (wait > 0) {
        return refuse(wait);
      }
    }
    Limit all = workspace;
    if (all != null) {
      long wait = all.take("workspace", now);
      if (wait > 0) {
        return refuse(wait);
      }
    }
    return 0;
  }

  long refused() {
    return refused.get();
  }

  private int refuse(long waitNanos) {
    refused.incrementAndGet();
    return (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }

  private long nanos() {
    var instant = clock.instant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
