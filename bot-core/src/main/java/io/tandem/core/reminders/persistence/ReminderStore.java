package io.tandem.core.reminders.persistence;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The queries reminders, nudges and participation changes need, over one transaction's {@link
 * Store}. Not thread-safe; create one per transaction.
 */
public final class ReminderStore {

  private final Store store;
  private final EntityManager em;

  public ReminderStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  public Store store() {
    return store;
  }

  /** Every running program, in id order. */
  public List<Program> runningPrograms() {
    return em.createQuery(
            "SELECT p FROM Program p WHERE p.status = :status ORDER BY p.id", Program.class)
        .setParameter("status", ProgramStatus.RUNNING)
        .getResultList();
  }

  /** Paused participants whose pause has ended by {@code at}. */
  public List<Participant> pausesEndedBy(Instant at) {
    return em.createQuery(
            "SELECT p FROM Participant p WHERE p.status = :status AND p.pausedUntil <= :at"
                + " ORDER BY p.id",
            Participant.class)
        .setParameter("status", ParticipantStatus.PAUSED)
        .setParameter("at", at)
        .getResultList();
  }

  /** The first person on a program's waitlist, in joining order. */
  public java.util.Optional<Participant> firstWaitlisted(long programId) {
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

  /** Remembers that a person acted as an admin in a workspace; returns whether it was new. */
  public boolean recordAdmin(long workspaceId, String userId, Instant at) {
    boolean known =
        !em.createNativeQuery(
                "SELECT user_id FROM workspace_admin WHERE workspace_id = ? AND user_id = ?")
            .setParameter(1, workspaceId)
            .setParameter(2, userId)
            .getResultList()
            .isEmpty();
    if (known) {
      return false;
    }
    em.createNativeQuery(
            "INSERT INTO workspace_admin (workspace_id, user_id, first_seen_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, workspaceId)
        .setParameter(2, userId)
        .setParameter(3, at.toEpochMilli())
        .executeUpdate();
    return true;
  }

  /** The people who acted as admins in a workspace, first seen first. */
  @SuppressWarnings("unchecked")
  public List<String> admins(long workspaceId) {
    List<Object> rows =
        em.createNativeQuery(
                "SELECT user_id FROM workspace_admin WHERE workspace_id = ?"
                    + " ORDER BY first_seen_at, user_id")
            .setParameter(1, workspaceId)
            .getResultList();
    return rows.stream().map(Object::toString).toList();
  }
}
