package io.tandem.core.reminders.persistence;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.reminders.ReminderRoster;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ReminderRoster} in JPQL. One per transaction, not thread-safe. */
public final class JpaReminderRoster implements ReminderRoster {

  private final EntityManager em;

  public JpaReminderRoster(Store store) {
    this.em = store.entityManager();
  }

  @Override
  public List<Program> runningPrograms() {
    return em.createQuery(
            "SELECT p FROM Program p WHERE p.status = :status ORDER BY p.id", Program.class)
        .setParameter("status", ProgramStatus.RUNNING)
        .getResultList();
  }

  @Override
  public List<Participant> pausesEndedBy(Instant at) {
    return em.createQuery(
            "SELECT p FROM Participant p WHERE p.status = :status AND p.pausedUntil <= :at"
                + " ORDER BY p.id",
            Participant.class)
        .setParameter("status", ParticipantStatus.PAUSED)
        .setParameter("at", at)
        .getResultList();
  }

  @Override
  public Optional<Participant> firstWaitlisted(long programId) {
    return em
        .createQuery(
            "SELECT p FROM Participant p WHERE p.programId = :programId AND p.status = :status"
                + " ORDER BY p.joinedAt, p.id",
            Participant.class)
        .setParameter("programId", programId)
        .setParameter("status", ParticipantStatus.WAITLISTED)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }
}
