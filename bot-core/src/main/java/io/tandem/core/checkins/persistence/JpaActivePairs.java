package io.tandem.core.checkins.persistence;

import io.tandem.core.checkins.ActivePairs;
import io.tandem.core.matching.Pair;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.List;

/** {@link ActivePairs} in JPQL. One per transaction, not thread-safe. */
public final class JpaActivePairs implements ActivePairs {

  private final EntityManager em;

  public JpaActivePairs(Store store) {
    this.em = store.entityManager();
  }

  @Override
  public List<Pair> all(long participantId) {
    return em.createQuery(
            "SELECT p FROM Pair p WHERE p.status = :status"
                + " AND (p.mentorId = :id OR p.menteeId = :id) ORDER BY p.createdAt DESC, p.id"
                + " DESC",
            Pair.class)
        .setParameter("status", Pair.Status.ACTIVE)
        .setParameter("id", participantId)
        .getResultList();
  }
}
