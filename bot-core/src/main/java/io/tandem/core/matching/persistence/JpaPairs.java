package io.tandem.core.matching.persistence;

import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Pairs;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Pairs} over JPA, in the transaction of one {@link Store}. */
public final class JpaPairs implements Pairs {

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
}
