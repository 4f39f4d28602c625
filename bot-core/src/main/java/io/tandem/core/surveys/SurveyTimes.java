package io.tandem.core.surveys;

import java.text.ParseException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** Time for surveys: now, people's sensible hours, schedules' next firing, days as shown. */
public final class SurveyTimes {

  private static final int FIRST_LOCAL_HOUR = 9;
  private static final int LAST_LOCAL_HOUR = 18;

  private SurveyTimes() {}

  /** Now, to the millisecond (what the store keeps). */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Now, if that is between 9:00 and 18:00 where the person is; else their next 9:00. Pair
   * check-ins reach people at the same hours.
   */
  public static Instant sensibleTime(Instant now, String timeZone) {
    ZoneId zone = zone(timeZone);
    ZonedDateTime local = now.atZone(zone);
    if (local.getHour() >= FIRST_LOCAL_HOUR && local.getHour() < LAST_LOCAL_HOUR) {
      return now;
    }
    ZonedDateTime next = local.withHour(FIRST_LOCAL_HOUR).truncatedTo(ChronoUnit.HOURS);
    if (!next.isAfter(local)) {
      next = next.plusDays(1);
    }
    return next.toInstant();
  }

  /** The zone called {@code timeZone}; UTC when there is none or it is unknown. */
  static ZoneId zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /** The UTC day of {@code instant}, as shown in messages and kept for answers. */
  static LocalDate utcDay(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  static String day(Instant instant) {
    return utcDay(instant).toString();
  }

  /**
   * The first firing of a Quartz cron expression in {@code zone} after {@code after}.
   *
   * @throws IllegalArgumentException when it is not a cron expression or never fires again
   */
  static Instant nextFire(String cron, ZoneId zone, Instant after) {
    try {
      CronExpression expression = new CronExpression(cron);
      expression.setTimeZone(TimeZone.getTimeZone(zone));
      Date next = expression.getNextValidTimeAfter(Date.from(after));
      if (next == null) {
        throw new IllegalArgumentException("the schedule never fires again: " + cron);
      }
      return next.toInstant();
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a cron expression: " + cron, e);
    }
  }
}
