package io.tandem.core.reminders.persistence;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.reminders.PairPeople;
import io.tandem.core.reminders.ReminderRoster;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

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
  public List<PairPeople> activePairs(Collection<Long> only, boolean readOnly) {
    if (only.isEmpty()) {
      return List.of();
    }
    TypedQuery<Object[]> query =
        em.createQuery(
                "SELECT pr, pg, w, a, ma, b, mb FROM Pair pr, Program pg, Workspace w,"
                    + " Participant a, WorkspaceMember ma, Participant b, WorkspaceMember mb"
                    + " WHERE pr.id IN :only AND pr.status = :active AND pg.id = pr.programId"
                    + " AND pg.status = :running AND w.id = pr.workspaceId"
                    + " AND a.id = pr.mentorId AND ma.id = a.memberId"
                    + " AND b.id = pr.menteeId AND mb.id = b.memberId"
                    + " ORDER BY pg.id, pr.id",
                Object[].class)
            .setParameter("only", List.copyOf(only))
            .setParameter("active", Pair.Status.ACTIVE)
            .setParameter("running", ProgramStatus.RUNNING);
    if (readOnly) {
      query.setHint(QueryHints.READ_ONLY, HintValues.TRUE);
    }
    List<Object[]> rows = query.getResultList();
    Map<Long, Object[]> sessions = sessionsPerPair(only);
    List<PairPeople> pairs = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Pair pair = (Pair) row[0];
      Object[] logged = sessions.get(pair.getId());
      pairs.add(
          PairPeople.of(
              (Workspace) row[2],
              (Program) row[1],
              pair,
              new PairPeople.Loaded((Participant) row[3], (Member) row[4]),
              new PairPeople.Loaded((Participant) row[5], (Member) row[6]),
              logged == null ? 0 : ((Number) logged[1]).intValue(),
              logged == null ? null : Instant.ofEpochMilli(((Number) logged[2]).longValue())));
    }
    return pairs;
  }

  /**
   * Per pair of {@code only} that logged any: {pairId, count, last occurred_at}. In plain JDBC: a
   * native query through the persistence unit matches each of its thousand arguments against the
   * others by name (quadratic), which took longer than the rest of reading a page.
   */
  private Map<Long, Object[]> sessionsPerPair(Collection<Long> only) {
    List<Long> ids = List.copyOf(only);
    Map<Long, Object[]> perPair = new HashMap<>();
    try (PreparedStatement ps =
        em.unwrap(Connection.class)
            .prepareStatement(
                "SELECT s.pair_id, COUNT(*), MAX(s.occurred_at) FROM mentoring_session s"
                    + " WHERE s.pair_id IN ("
                    + "?,".repeat(ids.size() - 1)
                    + "?) GROUP BY s.pair_id")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(1 + i, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          perPair.put(rs.getLong(1), new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("could not count the pairs' sessions", e);
    }
    return perPair;
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
