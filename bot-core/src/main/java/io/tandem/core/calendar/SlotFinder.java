package io.tandem.core.calendar;

import io.tandem.core.matching.model.WeeklyAvailability;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds times both people of a pair are free, each by their own weekly availability in their own
 * time zone, so a daylight-saving change on either side moves the shared hours as it moves the
 * people. Pure.
 */
public final class SlotFinder {

  /** How far ahead slots are looked for. */
  static final Duration HORIZON = Duration.ofDays(42);

  private static final Duration STEP = Duration.ofMinutes(30);

  /** One person's free hours, in their zone. */
  public record Person(ZoneId zone, WeeklyAvailability free) {
    public Person {
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(free, "free");
    }

    /** From a profile's availability text; blank (or unreadable) text means working hours. */
    public static Person of(ZoneId zone, String availability) {
      return new Person(zone, Meetings.availability(availability));
    }

    /** Whether every minute of {@code [start, start + length)} is in their free hours. */
    public boolean freeFor(Instant start, Duration length) {
      return freeAt(start) && freeAt(start.plus(length).minusSeconds(60));
    }

    private boolean freeAt(Instant at) {
      ZonedDateTime local = at.atZone(zone);
      DayOfWeek day = local.getDayOfWeek();
      return free.contains(24 * (day.getValue() - 1) + local.getHour());
    }
  }

  private SlotFinder() {}

  /**
   * The first {@code count} starts, at or after {@code notBefore}, on the half hour, when both are
   * free for {@code length} (at most an hour), at most one a day (by the first person's calendar),
   * within {@link #HORIZON}; fewer, or none, when the weeks ahead hold fewer.
   */
  public static List<Instant> next(
      Person first, Person second, Instant notBefore, Duration length, int count) {
    if (length.compareTo(Duration.ofHours(1)) > 0 || length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a slot lasts up to an hour, not " + length);
    }
    List<Instant> slots = new ArrayList<>();
    Instant start = notBefore.truncatedTo(ChronoUnit.HOURS);
    while (start.isBefore(notBefore)) {
      start = start.plus(STEP);
    }
    Instant end = notBefore.plus(HORIZON);
    LocalDate lastDay = null;
    for (Instant at = start; at.isBefore(end) && slots.size() < count; at = at.plus(STEP)) {
      LocalDate day = at.atZone(first.zone()).toLocalDate();
      if (day.equals(lastDay)) {
        continue;
      }
      if (first.freeFor(at, length) && second.freeFor(at, length)) {
        slots.add(at);
        lastDay = day;
      }
    }
    return slots;
  }
}
