package io.tandem.core.matching.persistence;

import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Pairs;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.sessions.UnitOfWork;

/**
 * {@link Pairs} over JPA, in the transaction of one {@link Store}; {@link #addAll} in plain JDBC on
 * the transaction's own connection, its ids from the entity's own generator (as {@link
 * io.tandem.core.delivery.persistence.OutboxInserts} takes them).
 */
public final class JpaPairs implements Pairs {

  private static final int BATCH = 500;

  private final Store store;
  private final EntityManager em;

  public JpaPairs(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public Optional<Pair> byId(long id) {
    return Optional.ofNullable(em.find(Pair.class, id));
  }

  @Override
  public List<Pair> inProgram(long programId, Pair.Status status) {
    return em.createQuery(
            "SELECT p FROM Pair p WHERE p.programId = :programId AND p.status = :status"
                + " ORDER BY p.id",
            Pair.class)
        .setParameter("programId", programId)
        .setParameter("status", status)
        .getResultList();
  }

  @Override
  public List<PastPair> history(long workspaceId) {
    return em
        .createQuery(
            "SELECT a.memberId, b.memberId, p.createdAt FROM Pair p, Participant a, Participant b"
                + " WHERE p.workspaceId = :workspaceId AND p.status <> :proposed"
                + " AND a.id = p.mentorId AND b.id = p.menteeId",
            Object[].class)
        .setParameter("workspaceId", workspaceId)
        .setParameter("proposed", Pair.Status.PROPOSED)
        .getResultList()
        .stream()
        .map(row -> new PastPair((Long) row[0], (Long) row[1], (Instant) row[2]))
        .toList();
  }

  @Override
  public Pair add(Pair pair) {
    return store.add(pair);
  }

  @Override
  public void remove(Pair pair) {
    store.remove(pair);
  }

  @Override
  public int removeProposed(long programId) {
    return em.createQuery(
            "DELETE FROM Pair p WHERE p.programId = :programId AND p.status = :proposed")
        .setParameter("programId", programId)
        .setParameter("proposed", Pair.Status.PROPOSED)
        .executeUpdate();
  }

  @Override
  public void addAll(List<Pair> pairs) {
    if (pairs.isEmpty()) {
      return;
    }
    store.flush();
    UnitOfWork uow = em.unwrap(UnitOfWork.class);
    Connection c = em.unwrap(Connection.class);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mentoring_pair (id, workspace_id, program_id, mentor_id, mentee_id,"
                + " status, score, reasons, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int k = 0; k < pairs.size(); k++) {
        Pair pair = pairs.get(k);
        ps.setLong(1, uow.getNextSequenceNumberValue(Pair.class).longValue());
        ps.setLong(2, pair.getWorkspaceId());
        ps.setLong(3, pair.getProgramId());
        ps.setLong(4, pair.getMentorId());
        ps.setLong(5, pair.getMenteeId());
        ps.setString(6, pair.getStatus().name());
        ps.setLong(7, pair.getScore());
        ps.setString(8, pair.getReasons());
        ps.setLong(9, pair.getCreatedAt().toEpochMilli());
        ps.addBatch();
        if ((k + 1) % BATCH == 0 || k + 1 == pairs.size()) {
          ps.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the pairs: " + e.getMessage(), e);
    }
  }
}
