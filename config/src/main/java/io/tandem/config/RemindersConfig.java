package io.tandem.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Reminders and nudges ({@code reminders}).
 *
 * @param quietStart start of the local quiet hours ({@code quiet-hours: 20:00-08:00}); no reminder
 *     reaches anyone between {@code quietStart} and {@code quietEnd}; equal times mean none
 * @param interval how often the reminder job looks for what is due
 * @param catchUp how late a reminder may still go out after downtime; never shorter than {@code
 *     interval}
 */
public record RemindersConfig(
    LocalTime quietStart,
    LocalTime quietEnd,
    @DurationMin(seconds = 10, message = INTERVAL_EXPECTED)
        @DurationMax(days = 1, message = INTERVAL_EXPECTED)
        Duration interval,
    @DurationMin(message = CATCH_UP_EXPECTED) @DurationMax(days = 30, message = CATCH_UP_EXPECTED)
        Duration catchUp) {

  static final String INTERVAL_EXPECTED = "is not a duration between 10s and 1d (like 5m)";
  static final String CATCH_UP_EXPECTED = "is not a duration up to 30d (like 1d, 12h)";

  public static final LocalTime DEFAULT_QUIET_START = LocalTime.of(20, 0);
  public static final LocalTime DEFAULT_QUIET_END = LocalTime.of(8, 0);
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_CATCH_UP = Duration.ofDays(1);
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
  public static final Duration MAX_INTERVAL = Duration.ofDays(1);
  public static final Duration MAX_CATCH_UP = Duration.ofDays(30);

  public RemindersConfig {
    Objects.requireNonNull(quietStart, "quietStart");
    Objects.requireNonNull(quietEnd, "quietEnd");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(catchUp, "catchUp");
    OutboxConfig.requireBetween(interval, MIN_INTERVAL, MAX_INTERVAL, "interval");
    OutboxConfig.requireBetween(catchUp, interval, MAX_CATCH_UP, "catchUp");
  }

  public static RemindersConfig defaults() {
    return new RemindersConfig(
        DEFAULT_QUIET_START, DEFAULT_QUIET_END, DEFAULT_INTERVAL, DEFAULT_CATCH_UP);
  }

  /** {@code 20:00-08:00}, as written in {@code tandem.yml}. */
  public String quietHours() {
    return quietStart + "-" + quietEnd;
  }
}
