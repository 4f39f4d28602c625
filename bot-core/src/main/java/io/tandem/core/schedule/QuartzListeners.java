package io.tandem.core.schedule;

import io.tandem.core.port.out.Metrics;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.listeners.TriggerListenerSupport;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** What Tandem hangs on Quartz: the job factory and the listeners that count and await runs. */
final class QuartzListeners {

  private QuartzListeners() {}

  /** Hands Quartz the registered {@link ScheduledJob} instances. */
  static final class Factory implements JobFactory {
    private final Map<String, ScheduledJob> jobs;
    private final Clock clock;
    private final java.util.function.Supplier<Metrics> metrics;

    Factory(
        Map<String, ScheduledJob> jobs, Clock clock, java.util.function.Supplier<Metrics> metrics) {
      this.jobs = Map.copyOf(jobs);
      this.clock = clock;
      this.metrics = metrics;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
      String key = bundle.getJobDetail().getKey().getName();
      ScheduledJob job = jobs.get(key);
      if (job == null) {
        throw new SchedulerException("no registered job " + key);
      }
      return new QuartzJob(job, clock, metrics.get());
    }
  }

  /**
   * When a run has ended: counts it for {@link Metrics} (failed or not), and completes its {@link
   * Scheduling#runNow} future, if it has one.
   */
  static final class RunsEnded extends JobListenerSupport {
    private final Map<String, CompletableFuture<Void>> awaited;
    private final java.util.function.Supplier<Metrics> metrics;

    RunsEnded(
        Map<String, CompletableFuture<Void>> awaited,
        java.util.function.Supplier<Metrics> metrics) {
      this.awaited = awaited;
      this.metrics = metrics;
    }

    @Override
    public String getName() {
      return "tandem-runs-ended";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
      metrics.get().jobFinished(context.getJobDetail().getKey().getName(), failure != null);
      Object token = context.getMergedJobDataMap().get(Scheduling.RUN_TOKEN);
      CompletableFuture<Void> finished = token == null ? null : awaited.get(token.toString());
      if (finished == null) {
        return;
      }
      if (failure == null) {
        finished.complete(null);
      } else {
        finished.completeExceptionally(failure);
      }
    }
  }

  /** Counts firings that Quartz found missed by more than its misfire threshold. */
  static final class Misfires extends TriggerListenerSupport {
    private final java.util.function.Supplier<Metrics> metrics;

    Misfires(java.util.function.Supplier<Metrics> metrics) {
      this.metrics = metrics;
    }

    @Override
    public String getName() {
      return "tandem-misfires";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
      metrics.get().jobMisfired(trigger.getJobKey().getName());
    }
  }
}
