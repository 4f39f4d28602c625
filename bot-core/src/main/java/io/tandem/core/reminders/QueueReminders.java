package io.tandem.core.reminders;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What cadence reminders are due at an instant (the reminder job asks), and when a person's next
 * one comes (status shows it). Both judge by the same occurrences.
 */
final class QueueReminders {

  private final Database db;
  private final ReminderSettings settings;

  QueueReminders(Database db, ReminderSettings settings) {
    this.db = db;
    this.settings = settings;
  }

  /** Queues every reminder due at {@code at}; one transaction per program. */
  int queueDue(Instant at) {
    return PairPeople.sumOverRunningPairs(db, (store, people) -> queueFor(store, people, at));
  }

  private int queueFor(Store store, PairPeople pp, Instant at) {
    if (!pp.bothActive() || pp.pair().getAtRiskAt() != null) {
      return 0;
    }
    int queued = 0;
    for (Instant occurrence : occurrences(pp, at, 1)) {
      for (PairPeople.Person person : pp.people()) {
        Instant send = person.sendTime(occurrence, settings.quietHours());
        if (send.isAfter(at) || !at.isBefore(send.plus(settings.catchUp()))) {
          continue;
        }
        String day = PairPeople.occurrence(occurrence);
        String key = "reminder:" + pp.pair().getId() + ":" + day + ":" + person.userId();
        Instant notBefore = person.firstAllowed(at, settings.quietHours());
        if (Outbox.queue(
            store,
            pp.workspace().getId(),
            pp.workspace().getPlatform(),
            key,
            new ChatTarget.DirectMessage(person.userId()),
            ReminderMessages.reminder(pp, person, occurrence),
            notBefore,
            at)) {
          pp.signal(store, person, SignalType.REMINDER_SENT, Map.of("occurrence", day), at);
          queued++;
        }
      }
    }
    return queued;
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
