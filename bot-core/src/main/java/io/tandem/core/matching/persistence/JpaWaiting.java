package io.tandem.core.matching.persistence;

import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Waiting;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link Waiting} over JPA: the program's unmatched signals, less those a later pair answered. */
public final class JpaWaiting implements Waiting {

  private final EntityManager em;

  public JpaWaiting(Store store) {
    this.em = store.entityManager();
  }

  @Override
  public Map<Long, Instant> since(long programId) {
    Map<Long, Instant> lastPaired = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT p.mentorId, p.menteeId, p.createdAt FROM Pair p"
                    + " WHERE p.programId = :programId AND p.status <> :proposed",
                Object[].class)
            .setParameter("programId", programId)
            .setParameter("proposed", Pair.Status.PROPOSED)
            .getResultList()) {
      Instant at = (Instant) row[2];
      lastPaired.merge((Long) row[0], at, (a, b) -> a.isAfter(b) ? a : b);
      lastPaired.merge((Long) row[1], at, (a, b) -> a.isAfter(b) ? a : b);
    }
    Map<Long, Instant> since = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT s.participantId, s.occurredAt FROM Signal s WHERE s.programId = :programId"
                    + " AND s.type = :unmatched AND s.participantId IS NOT NULL",
                Object[].class)
            .setParameter("programId", programId)
            .setParameter("unmatched", SignalType.UNMATCHED)
            .getResultList()) {
      Long participant = (Long) row[0];
      Instant at = (Instant) row[1];
      Instant paired = lastPaired.get(participant);
      if (paired == null || at.isAfter(paired)) {
        since.merge(participant, at, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return since;
  }
}
