package io.tandem.core.reminders;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.programs.Program;
import io.tandem.core.reminders.persistence.JpaReminderRoster;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who reminders concern: running programs, ended pauses, the waitlist. One per transaction. */
public interface ReminderRoster {

  static ReminderRoster in(Store store) {
    return new JpaReminderRoster(store);
  }

  /** Every running program, in id order. */
  List<Program> runningPrograms();

  /** Paused participants whose pause has ended by {@code at}. */
  List<Participant> pausesEndedBy(Instant at);

  /** The first person on a program's waitlist, in joining order. */
  Optional<Participant> firstWaitlisted(long programId);
}
