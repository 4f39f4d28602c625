package io.tandem.config;

import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;

/**
 * How Quartz runs ({@code scheduler}).
 *
 * @param instanceId this instance's stable name in a cluster, or {@code null} for {@code
 *     hostname-pid}; set it when instances restart under a fixed name (a pod name, a systemd unit)
 * @param threadCount jobs that may run at once ({@value #MIN_THREADS}-{@value #MAX_THREADS})
 */
public record SchedulerConfig(
    @Size(
            max = MAX_INSTANCE_ID_LENGTH,
            message = "is longer than " + MAX_INSTANCE_ID_LENGTH + " characters")
        String instanceId,
    @Range(
            min = MIN_THREADS,
            max = MAX_THREADS,
            message = "is not a whole number between 1 and " + MAX_THREADS)
        int threadCount) {

  public static final int DEFAULT_THREAD_COUNT = 2;
  public static final int MIN_THREADS = 1;
  public static final int MAX_THREADS = 50;
  public static final int MAX_INSTANCE_ID_LENGTH = 190;

  public SchedulerConfig {
    instanceId = Text.blankToNull(instanceId);
    if (instanceId != null && instanceId.length() > MAX_INSTANCE_ID_LENGTH) {
      throw new IllegalArgumentException("instanceId is longer than " + MAX_INSTANCE_ID_LENGTH);
    }
    SlackRateLimits.requireRange(threadCount, MIN_THREADS, MAX_THREADS, "threadCount");
  }

  public static SchedulerConfig defaults() {
    return new SchedulerConfig(null, DEFAULT_THREAD_COUNT);
  }
}
