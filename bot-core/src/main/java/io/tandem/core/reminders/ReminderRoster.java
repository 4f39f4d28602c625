package io.tandem.core.reminders;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.programs.Program;
import io.tandem.core.reminders.persistence.JpaReminderRoster;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who reminders concern: running programs and their active pairs, ended pauses, the waitlist. One
 * per transaction.
 */
public interface ReminderRoster {

  static ReminderRoster in(Store store) {
    return new JpaReminderRoster(store);
  }

  /** Every running program, in id order. */
  List<Program> runningPrograms();

  /** The ids of the active pairs of every running program, by program and pair id; one query. */
  List<Long> activePairIds();

  /** Marks these pairs at risk since {@code at}; one statement. */
  void markAtRisk(Collection<Long> pairIds, Instant at);

  /**
   * For each of {@code pairIds}, how many signals of each of {@code types} it has since it was
   * paired; one query.
   */
  Map<Long, Map<SignalType, Long>> signalsSincePaired(
      Collection<Long> pairIds, Collection<SignalType> types);

  /** Paused participants whose pause has ended by {@code at}. */
  List<Participant> pausesEndedBy(Instant at);

  /** The first person on a program's waitlist, in joining order. */
  Optional<Participant> firstWaitlisted(long programId);
}
