package io.tandem.core.reminders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a reminder may reach a person: at their preferred time in their own time zone, never in
 * quiet hours and, unless they opted in, never on a Saturday or Sunday. Pure; DST is the zone
 * rules' business (a preferred time that does not exist on a spring-forward day moves forward by
 * the gap).
 */
public final class ReminderTimes {

  /**
   * Quiet hours, local time; may wrap midnight (the default is 20:00 to 08:00). Start inclusive,
   * end exclusive. Equal start and end means no quiet hours.
   */
  public record QuietHours(LocalTime start, LocalTime end) {
    public static final QuietHours DEFAULT =
        new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0));

    public QuietHours {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    public boolean contains(LocalTime time) {
      if (start.equals(end)) {
        return false;
      }
      return start.isBefore(end)
          ? !time.isBefore(start) && time.isBefore(end)
          : !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code HH:mm-HH:mm}, e.g. {@code 20:00-08:00}. */
    public static QuietHours parse(String text) {
      String[] parts = text.strip().split("\\s*[-–]\\s*");
      if (parts.length != 2) {
        throw new IllegalArgumentException("quiet hours look like 20:00-08:00, not " + text);
      }
      return new QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    }

    @Override
    public String toString() {
      return start + "-" + end;
    }
  }

  private ReminderTimes() {}

  /**
   * The first moment on or after {@code day} at {@code time} (in {@code zone}) that is outside
   * quiet hours and, unless {@code weekends}, on a weekday. A weekend day moves to the Monday at
   * the same local time.
   */
  public static ZonedDateTime sendTime(
      LocalDate day, LocalTime time, ZoneId zone, QuietHours quiet, boolean weekends) {
    return firstAllowed(day.atTime(time).atZone(zone), time, quiet, weekends);
  }

  /**
   * The first allowed moment at or after {@code candidate}; a weekend moves to the Monday at {@code
   * time} (or the end of quiet hours when {@code time} is in them).
   */
  public static ZonedDateTime firstAllowed(
      ZonedDateTime candidate, LocalTime time, QuietHours quiet, boolean weekends) {
    ZonedDateTime at = candidate;
    for (int i = 0; i < 14; i++) {
      if (!weekends && isWeekend(at.getDayOfWeek())) {
        LocalDate monday = at.toLocalDate();
        while (isWeekend(monday.getDayOfWeek())) {
          monday = monday.plusDays(1);
        }
        at = monday.atTime(quiet.contains(time) ? quiet.end() : time).atZone(at.getZone());
        continue;
      }
      if (quiet.contains(at.toLocalTime())) {
        LocalDate day =
            at.toLocalTime().isBefore(quiet.end())
                ? at.toLocalDate()
                : at.toLocalDate().plusDays(1);
        at = day.atTime(quiet.end()).atZone(at.getZone());
        continue;
      }
      return at;
    }
    return at;
  }

  public static boolean allowed(ZonedDateTime at, QuietHours quiet, boolean weekends) {
    return !quiet.contains(at.toLocalTime()) && (weekends || !isWeekend(at.getDayOfWeek()));
  }

  private static boolean isWeekend(DayOfWeek day) {
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
