package io.tandem.core.schedule;

import io.tandem.core.port.out.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Quartz's view of a {@link ScheduledJob}; never two runs of one job at once. */
@DisallowConcurrentExecution
final class QuartzJob implements Job {
  private final ScheduledJob job;
  private final Clock clock;
  private final Metrics metrics;

  QuartzJob(ScheduledJob job, Clock clock, Metrics metrics) {
    this.job = job;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    Date scheduled = context.getScheduledFireTime();
    Instant scheduledAt = (scheduled != null ? scheduled : context.getFireTime()).toInstant();
    // Quartz fires by the system clock, so its lag is measured by it too
    Duration lag = Duration.between(scheduledAt, Instant.ofEpochMilli(System.currentTimeMillis()));
    metrics.jobFired(job.key(), lag.isNegative() ? Duration.ZERO : lag);
    // A run asked for with runNow happens at Tandem's now: on a clock that stands still between
    // steps (the demo's) that is the step's instant exactly, not a second either side of it.
    Instant firedAt =
        context.getMergedJobDataMap().containsKey(Scheduling.RUN_TOKEN)
            ? clock.instant()
            : onClock(scheduledAt, clock);
    try {
      job.run(firedAt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobExecutionException(e);
    } catch (Exception e) {
      LOG.error("Scheduled job {} failed for the firing at {}", job.key(), firedAt, e);
      throw new JobExecutionException(e);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(QuartzJob.class);

  /**
   * A scheduled fire time as Tandem's clock tells it: the same instant in production, where Tandem
   * runs on the system clock; moved by the clock's offset from the system clock where Tandem runs
   * on a shifted one (the demo's compressed weeks). Whole seconds, so that a re-run of one firing
   * sees the same instant.
   */
  static Instant onClock(Instant scheduled, Clock clock) {
    long offsetMillis = clock.millis() - System.currentTimeMillis();
    return scheduled.plusSeconds(Math.round(offsetMillis / 1000.0));
  }
}
