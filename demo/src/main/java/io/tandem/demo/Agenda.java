package io.tandem.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.PriorityQueue;

/** What the simulated people will do, each at its (simulated) time, in the order it was planned. */
final class Agenda {

  /** Something a person will do at a given time. */
  private record Action(Instant at, long order, Runnable doIt) {}

  private final PriorityQueue<Action> actions =
      new PriorityQueue<>(Comparator.comparing(Action::at).thenComparing(Action::order));
  private long planned;

  void at(Instant when, Runnable doIt) {
    actions.add(new Action(when, planned++, doIt));
  }

  /** Whether something is due by {@code time}. */
  boolean dueBy(Instant time) {
    return !actions.isEmpty() && !actions.peek().at().isAfter(time);
  }

  /** Takes the first thing due out of the agenda. */
  Runnable next() {
    return actions.poll().doIt();
  }

  /** {@code hour}:00 UTC on the day of {@code day}, moved to Monday when it falls on a weekend. */
  static Instant workingHour(Instant day, int hour) {
    ZonedDateTime at = day.atZone(ZoneOffset.UTC).withHour(hour).truncatedTo(ChronoUnit.HOURS);
    while (at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY) {
      at = at.plusDays(1);
    }
    return at.toInstant();
  }
}
