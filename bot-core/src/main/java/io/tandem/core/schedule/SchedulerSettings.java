package io.tandem.core.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * How Quartz runs.
 *
 * @param instanceId this instance's name in a cluster (PostgreSQL); stable across restarts of the
 *     same instance so that its leftover work is recognised; see {@link #defaultInstanceId()}
 * @param threadCount Quartz worker threads (jobs running at once)
 * @param clusterCheckinInterval how often a clustered instance reports in; another instance takes
 *     over the work of one silent for longer than this
 */
public record SchedulerSettings(
    String instanceId, int threadCount, Duration clusterCheckinInterval) {

  public static final int DEFAULT_THREAD_COUNT = 2;
  public static final Duration DEFAULT_CLUSTER_CHECKIN = Duration.ofMillis(7500);

  public SchedulerSettings {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(clusterCheckinInterval, "clusterCheckinInterval");
    if (instanceId.isBlank() || instanceId.length() > 190) {
      throw new IllegalArgumentException("instanceId must be 1 to 190 characters: " + instanceId);
    }
    if (threadCount < 1) {
      throw new IllegalArgumentException("threadCount must be at least 1: " + threadCount);
    }
    if (clusterCheckinInterval.toMillis() < 100) {
      throw new IllegalArgumentException("clusterCheckinInterval must be at least 100 ms");
    }
  }

  public static SchedulerSettings defaults() {
    return new SchedulerSettings(
        defaultInstanceId(), DEFAULT_THREAD_COUNT, DEFAULT_CLUSTER_CHECKIN);
  }

  public SchedulerSettings withInstanceId(String id) {
    return new SchedulerSettings(id, threadCount, clusterCheckinInterval);
  }

  public SchedulerSettings withClusterCheckinInterval(Duration interval) {
    return new SchedulerSettings(instanceId, threadCount, interval);
  }

  /** {@code hostname-pid}, e.g. {@code tandem-7c9f-4211}. */
  public static String defaultInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    long pid = ProcessHandle.current().pid();
    String id = host + "-" + pid;
    return id.length() > 190 ? id.substring(id.length() - 190) : id;
  }
}
