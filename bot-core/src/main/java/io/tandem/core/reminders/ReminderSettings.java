package io.tandem.core.reminders;

import io.tandem.core.reminders.ReminderTimes.QuietHours;
import java.time.Duration;
import java.util.Objects;

/**
 * How reminders run ({@code reminders} in {@code tandem.yml}).
 *
 * @param quietHours no reminder or nudge reaches anyone in these local hours ({@code
 *     reminders.quiet-hours}, default {@code 20:00-08:00})
 * @param interval how often the reminder job looks for what is due ({@code reminders.interval},
 *     default 5 minutes)
 * @param catchUp how late a reminder may still go out, e.g. after downtime; older ones are skipped,
 *     never sent in a flood ({@code reminders.catch-up}, default 1 day)
 */
public record ReminderSettings(QuietHours quietHours, Duration interval, Duration catchUp) {

  public ReminderSettings {
    Objects.requireNonNull(quietHours, "quietHours");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(catchUp, "catchUp");
    if (interval.toSeconds() < 1 || catchUp.compareTo(interval) < 0) {
      throw new IllegalArgumentException("catch-up must be at least the interval");
    }
  }

  public static ReminderSettings defaults() {
    return new ReminderSettings(QuietHours.DEFAULT, Duration.ofMinutes(5), Duration.ofDays(1));
  }
}
