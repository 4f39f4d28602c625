package io.tandem.core.reminders;

import io.tandem.core.kernel.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What cadence reminders are due at an instant (the reminder job asks), and when a person's next
 * one comes (status shows it). Both judge by the same occurrences. Pure: no storage.
 */
final class QueueReminders {

  private QueueReminders() {}

  /** The reminders due for one pair at {@code at}, in the order they are queued. */
  static List<PassStep> plan(PairPeople pp, Instant at, ReminderSettings settings) {
    if (!pp.bothActive() || pp.pair().getAtRiskAt() != null) {
      return List.of();
    }
    List<PassStep> steps = new ArrayList<>();
    for (Instant occurrence : occurrences(pp, at, 1)) {
      Optional<Instant> free = null;
      for (PairPeople.Person person : pp.people()) {
        Instant send = person.sendTime(occurrence, settings.quietHours());
        if (send.isAfter(at) || !at.isBefore(send.plus(settings.catchUp()))) {
          continue;
        }
        if (free == null) {
          free = ReminderMessages.nextFree(pp, occurrence);
        }
        String day = PairPeople.occurrence(occurrence);
        steps.add(
            new PassStep.Tell(
                person,
                "reminder:" + pp.pair().getId() + ":" + day + ":" + person.userId(),
                ReminderMessages.reminder(pp, person, occurrence, free),
                person.firstAllowed(at, settings.quietHours()),
                SignalType.REMINDER_SENT,
                Map.of("occurrence", day)));
      }
    }
    return steps;
  }

  /**
   * The occurrences the job considers at {@code at}: the current and the next {@code ahead} cadence
   * slots, minus those before the day a snooze moved the reminder to, plus that day.
   */
  private static List<Instant> occurrences(PairPeople pp, Instant at, int ahead) {
    List<Instant> occurrences = new ArrayList<>();
    long rounds = pp.missedRounds(at);
    Instant moved = pp.pair().getRemindOn();
    String movedDay = moved == null ? null : PairPeople.occurrence(moved);
    for (long k = Math.max(1, rounds); k <= rounds + ahead; k++) {
      Instant slot = pp.slot(k);
      // a snoozed or moved reminder replaces the slots before the day it moved to
      if (movedDay == null || PairPeople.occurrence(slot).compareTo(movedDay) >= 0) {
        occurrences.add(slot);
      }
    }
    if (moved != null) {
      occurrences.add(moved);
    }
    return occurrences;
  }

  /** See {@link Reminders#nextFor}. */
  static Optional<Instant> nextFor(
      PairPeople pp, PairPeople.Person person, Instant at, ReminderTimes.QuietHours quiet) {
    if (!pp.bothActive() || pp.pair().getAtRiskAt() != null) {
      return Optional.empty();
    }
    return occurrences(pp, at, 2).stream()
        .map(occurrence -> person.sendTime(occurrence, quiet))
        .filter(send -> send.isAfter(at))
        .min(Instant::compareTo);
  }
}
