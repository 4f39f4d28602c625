package io.tandem.core.schedule;

import java.time.Instant;

/**
 * A job that runs on a schedule it declares itself. Register instances with {@link Scheduling}; the
 * composition root builds them with their dependencies (the {@code JobFactory} hands Quartz these
 * very instances, so they may hold anything).
 *
 * <p><b>Threads and transactions.</b> {@link #run} is called on a Quartz worker thread, never two
 * runs of the same job at once (across all clustered instances too), outside any transaction: open
 * your own short ones. <b>Make it idempotent</b>: after a crash or a failover the same firing may
 * run again, so queue outbox messages with keys derived from {@code firedAt} or from what is due,
 * never from the wall clock. Fan out inside the job: one trigger per program or cadence slot, not
 * one per person.
 */
public interface ScheduledJob {

  /** A stable, unique name, e.g. {@code outbox-sweep}; renaming it makes a new job. */
  String key();

  Schedule schedule();

  /**
   * Does the work.
   *
   * @param firedAt when this firing was scheduled for (not the wall clock now): the same for a
   *     re-run of the same firing, so it makes good deduplication keys
   * @throws Exception logged by the scheduler; the next firing runs as usual
   */
  void run(Instant firedAt) throws Exception;
}
