package io.tandem.core.delivery;

import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping for the outbox: releases claims that lapsed (an instance died mid-delivery, or lost
 * its database) so their messages go out again at once, and wakes the dispatcher so nothing waits
 * for its next poll. Runs every {@link #DEFAULT_INTERVAL} on one instance of the cluster; missed
 * runs are skipped (the next run does the same work).
 */
public final class OutboxSweepJob implements ScheduledJob {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSweepJob.class);

  public static final String KEY = "outbox-sweep";
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  private final OutboxDispatcher dispatcher;
  private final Duration interval;

  public OutboxSweepJob(OutboxDispatcher dispatcher, Duration interval) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  public OutboxSweepJob(OutboxDispatcher dispatcher) {
    this(dispatcher, DEFAULT_INTERVAL);
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Schedule schedule() {
    return new Schedule.Every(interval, Schedule.Misfire.SKIP_TO_NEXT);
  }

  @Override
  public void run(Instant firedAt) {
    int released = dispatcher.releaseExpiredLeases();
    dispatcher.wake();
    LOG.debug("Outbox sweep for {}: released {} lapsed claims", firedAt, released);
  }
}
