package io.tandem.core.reports;

import io.tandem.core.reports.ProgramReport.Event;
import io.tandem.core.reports.ProgramReport.EventSlot;
import io.tandem.core.reports.ProgramReport.Period;
import io.tandem.core.reports.ProgramReport.Timeline;
import io.tandem.core.reports.persistence.PlanQueries;
import io.tandem.core.reports.persistence.ReportQueries;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report's time line of program events: every week (Monday, UTC) of the period, or every day
 * when the period is at most {@value ProgramReport#DAILY_UP_TO_DAYS} days, with the joins, matches,
 * pair ends, pauses and escalations recorded in it. Weeks come from the report's signals per week
 * and kind, already read for the engagement weeks, so a long period's signals are read once; a
 * short period's days take one more query over its few days of signals.
 */
final class EventTimeline {

  private static final long DAY = Duration.ofDays(1).toMillis();

  private EventTimeline() {}

  /**
   * @param weekly the signals per week and kind of the same period and as-of, weeks counted from
   *     the Monday on or before the period's first day
   */
  static Timeline read(
      PlanQueries q,
      long programId,
      Period period,
      Instant end,
      ReportQueries.WeeklySignals weekly) {
    boolean daily =
        Duration.between(period.from(), period.to()).toMillis()
            <= ProgramReport.DAILY_UP_TO_DAYS * DAY;
    LocalDate first = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
    if (!daily) {
      first = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
    Instant origin = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    long slot = daily ? DAY : 7 * DAY;
    Map<Long, Map<String, Long>> counts =
        daily
            ? q.signalsBySlot(programId, origin, slot, period.from(), end, kinds())
            : weekly.perWeekType();
    List<EventSlot> slots = new ArrayList<>();
    long last = (end.toEpochMilli() - 1 - origin.toEpochMilli()) / slot;
    for (long i = 0; i <= last; i++) {
      Instant start = origin.plusMillis(i * slot);
      Map<Event, Long> events = new EnumMap<>(Event.class);
      counts
          .getOrDefault(i, Map.of())
          .forEach((kind, n) -> Event.of(kind).ifPresent(e -> events.merge(e, n, Long::sum)));
      slots.add(
          new EventSlot(
              LocalDate.ofInstant(start, ZoneOffset.UTC),
              events.getOrDefault(Event.JOINS, 0L),
              events.getOrDefault(Event.MATCHES, 0L),
              events.getOrDefault(Event.PAIR_ENDS, 0L),
              events.getOrDefault(Event.PAUSES, 0L),
              events.getOrDefault(Event.ESCALATIONS, 0L),
              start.isBefore(period.from()) || start.plusMillis(slot).isAfter(end)));
    }
    return new Timeline(daily ? "day" : "week", slots);
  }

  private static List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    for (Event e : Event.values()) {
      kinds.addAll(e.signals);
    }
    return kinds;
  }
}
