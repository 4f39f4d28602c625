package io.tandem.core.reminders;

import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminder fan-out: every {@code interval} (default 5 minutes) it ends pauses that are over,
 * queues the cadence reminders and climbs the nudge ladder for everything due at the firing time,
 * from one reading of the active pairs and with a number of queries that does not grow with them
 * ({@link ReminderPass}; {@code nudges} is built from the same settings as {@code reminders}). A
 * firing missed while Tandem was down runs once on restart ({@link
 * Schedule.Misfire#FIRE_ONCE_NOW}); reminders more than the catch-up window late are skipped, so it
 * never floods. Every message has a deterministic outbox key, so running the same firing twice
 * queues nothing new.
 */
public final class ReminderJob implements ScheduledJob {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

  public static final String KEY = "reminders";

  private final Participation participation;
  private final Reminders reminders;
  private final Duration interval;

  public ReminderJob(
      Participation participation, Reminders reminders, Nudges nudges, Duration interval) {
    this.participation = Objects.requireNonNull(participation, "participation");
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    Objects.requireNonNull(nudges, "nudges");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Schedule schedule() {
    return new Schedule.Every(interval, Schedule.Misfire.FIRE_ONCE_NOW);
  }

  @Override
  public void run(Instant firedAt) {
    int resumed = participation.resumeDue(firedAt);
    ReminderPass.Counts counts = reminders.queueDueWithNudges(firedAt);
    int queued = counts.reminders();
    int nudged = counts.nudges();
    if (resumed + queued + nudged > 0) {
      LOG.info(
          "Reminders at {}: {} resumed, {} reminders and {} nudges queued",
          firedAt,
          resumed,
          queued,
          nudged);
    }
  }
}
