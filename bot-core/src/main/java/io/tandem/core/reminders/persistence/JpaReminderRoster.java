package io.tandem.core.reminders.persistence;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.reminders.ReminderRoster;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public List<Long> activePairIds() {
    return em.createQuery(
            "SELECT pr.id FROM Pair pr, Program pg WHERE pr.status = :active"
                + " AND pg.id = pr.programId AND pg.status = :running ORDER BY pg.id, pr.id",
            Long.class)
        .setParameter("active", Pair.Status.ACTIVE)
        .setParameter("running", ProgramStatus.RUNNING)
        .getResultList();
  }

  @Override
  public void markAtRisk(Collection<Long> pairIds, Instant at) {
    if (pairIds.isEmpty()) {
      return;
    }
    List<Long> ids = List.copyOf(pairIds);
    try (PreparedStatement update =
        em.unwrap(Connection.class)
            .prepareStatement(
                "UPDATE mentoring_pair SET at_risk_at = ? WHERE id IN ("
                    + "?,".repeat(ids.size() - 1)
                    + "?)")) {
      update.setLong(1, at.toEpochMilli());
      for (int i = 0; i < ids.size(); i++) {
        update.setLong(2 + i, ids.get(i));
      }
      update.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("could not mark " + ids.size() + " pairs at risk", e);
    }
  }

  @Override
  public Map<Long, Map<SignalType, Long>> signalsSincePaired(
      Collection<Long> pairIds, Collection<SignalType> types) {
    Map<Long, Map<SignalType, Long>> counts = new HashMap<>();
    if (pairIds.isEmpty()) {
      return counts;
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT s.pairId, s.type, COUNT(s) FROM Signal s, Pair pr"
                    + " WHERE pr.id IN :pairs AND s.pairId = pr.id AND s.type IN :types"
                    + " AND s.occurredAt >= pr.createdAt GROUP BY s.pairId, s.type",
                Object[].class)
            .setParameter("pairs", List.copyOf(pairIds))
            .setParameter("types", List.copyOf(types))
            .getResultList();
    for (Object[] row : rows) {
      counts
          .computeIfAbsent((Long) row[0], pair -> new EnumMap<>(SignalType.class))
          .put((SignalType) row[1], ((Number) row[2]).longValue());
    }
    return counts;
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
