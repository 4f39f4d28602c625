package io.tandem.core.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a {@link ScheduledJob} fires, and what happens to firings missed while no instance ran
 * (Quartz calls them misfires: a firing more than a minute late).
 */
public sealed interface Schedule {

  /** What to do about firings missed while Tandem was down or busy. */
  enum Misfire {
    /**
     * Fire once as soon as possible, however many firings were missed, then continue on schedule.
     * For jobs whose missed work is still useful (a reminder sweep): the job then finds everything
     * that came due meanwhile, once; never a flood of catch-up runs.
     */
    FIRE_ONCE_NOW,
    /** Forget missed firings and wait for the next one. For housekeeping that runs often anyway. */
    SKIP_TO_NEXT
  }

  Misfire misfire();

  /** A text that changes whenever the schedule does; stored with the trigger. */
  String describe();

  /** Every {@code interval}, starting when first registered. */
  record Every(Duration interval, Misfire misfire) implements Schedule {
    public Every {
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(misfire, "misfire");
      if (interval.toMillis() < 1) {
        throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
      }
    }

    @Override
    public String describe() {
      return "every " + interval + ", misfire " + misfire;
    }
  }

  /**
   * A Quartz cron expression (seconds first, e.g. {@code 0 0 * * * ?} for every hour on the hour)
   * in a time zone.
   */
  record Cron(String expression, ZoneId zone, Misfire misfire) implements Schedule {
    public Cron {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(misfire, "misfire");
      if (!org.quartz.CronExpression.isValidExpression(expression)) {
        throw new IllegalArgumentException("not a Quartz cron expression: " + expression);
      }
    }

    @Override
    public String describe() {
      return "cron " + expression + " " + zone.getId() + ", misfire " + misfire;
    }
  }
}
