package io.tandem.core.schedule;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the registered jobs in Quartz: each job and its trigger, keeping a trigger whose schedule
 * is unchanged (its progress and missed firings survive a restart), replacing one whose schedule
 * changed, and deleting stored Tandem jobs no longer registered.
 */
final class JobRegistration {

  private static final Logger LOG = LoggerFactory.getLogger(JobRegistration.class);
  private static final String GROUP = Scheduling.GROUP;

  private final Map<String, ScheduledJob> jobs;

  JobRegistration(Map<String, ScheduledJob> jobs) {
    this.jobs = jobs;
  }

  void register(Scheduler quartz) throws SchedulerException {
    Set<JobKey> stored = quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
    for (JobKey key : stored) {
      if (!jobs.containsKey(key.getName())) {
        LOG.info("Deleting the stored job {}: no longer registered", key.getName());
        quartz.deleteJob(key);
      }
    }
    for (ScheduledJob job : jobs.values()) {
      JobKey jobKey = JobKey.jobKey(job.key(), GROUP);
      TriggerKey triggerKey = TriggerKey.triggerKey(job.key(), GROUP);
      JobDetail detail =
          JobBuilder.newJob(QuartzJob.class)
              .withIdentity(jobKey)
              .withDescription(job.getClass().getName())
              .storeDurably()
              .requestRecovery(true)
              .build();
      Trigger trigger = trigger(job, triggerKey);
      Trigger existing = quartz.getTrigger(triggerKey);
      if (existing == null) {
        quartz.addJob(detail, true);
        quartz.scheduleJob(trigger);
        LOG.info("Scheduled {}: {}", job.key(), job.schedule().describe());
      } else if (!job.schedule().describe().equals(existing.getDescription())) {
        quartz.addJob(detail, true);
        quartz.rescheduleJob(triggerKey, trigger);
        LOG.info("Rescheduled {}: {}", job.key(), job.schedule().describe());
      } else {
        LOG.debug(
            "{} keeps its stored trigger (next fire {})", job.key(), existing.getNextFireTime());
      }
    }
  }

  private static Trigger trigger(ScheduledJob job, TriggerKey key) {
    TriggerBuilder<Trigger> builder =
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(job.key(), GROUP)
            .withDescription(job.schedule().describe());
    Schedule schedule = job.schedule();
    if (schedule instanceof Schedule.Every every) {
      SimpleScheduleBuilder simple =
          SimpleScheduleBuilder.simpleSchedule()
              .withIntervalInMilliseconds(every.interval().toMillis())
              .repeatForever();
      simple =
          every.misfire() == Schedule.Misfire.FIRE_ONCE_NOW
              ? simple.withMisfireHandlingInstructionNowWithExistingCount()
              : simple.withMisfireHandlingInstructionNextWithRemainingCount();
      return builder
          .startAt(new Date(System.currentTimeMillis() + every.interval().toMillis()))
          .withSchedule(simple)
          .build();
    }
    Schedule.Cron cron = (Schedule.Cron) schedule;
    CronScheduleBuilder cronBuilder =
        CronScheduleBuilder.cronSchedule(cron.expression())
            .inTimeZone(TimeZone.getTimeZone(cron.zone()));
    cronBuilder =
        cron.misfire() == Schedule.Misfire.FIRE_ONCE_NOW
            ? cronBuilder.withMisfireHandlingInstructionFireAndProceed()
            : cronBuilder.withMisfireHandlingInstructionDoNothing();
    return builder.startNow().withSchedule(cronBuilder).build();
  }
}
