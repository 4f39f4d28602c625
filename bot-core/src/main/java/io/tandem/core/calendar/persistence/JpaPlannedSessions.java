package io.tandem.core.calendar.persistence;

import io.tandem.core.calendar.PlannedSession;
import io.tandem.core.calendar.PlannedSessions;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PlannedSessions} over JPA, in the transaction of one {@link Store}. */
public final class JpaPlannedSessions implements PlannedSessions {

  private final Store store;
  private final EntityManager em;

  public JpaPlannedSessions(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public Optional<PlannedSession> ofPair(long pairId) {
    return em.createQuery(
            "SELECT p FROM PlannedSession p WHERE p.pairId = :pairId", PlannedSession.class)
        .setParameter("pairId", pairId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public PlannedSession add(PlannedSession planned) {
    return store.add(planned);
  }

  @Override
  public List<Due> startedBefore(Instant startedBefore) {
    List<PlannedSession> due =
        em.createQuery(
                "SELECT p FROM PlannedSession p WHERE p.status = :planned"
                    + " AND p.nextAt IS NOT NULL AND p.nextAt <= :before ORDER BY p.nextAt, p.id",
                PlannedSession.class)
            .setParameter("planned", PlannedSession.Status.PLANNED)
            .setParameter("before", startedBefore)
            .getResultList();
    if (due.isEmpty()) {
      return List.of();
    }
    Map<Long, Instant> last = new HashMap<>();
    List<Long> pairIds = due.stream().map(PlannedSession::getPairId).distinct().toList();
    for (int from = 0; from < pairIds.size(); from += 500) {
      for (Object[] row :
          em.createQuery(
                  "SELECT s.pairId, MAX(s.occurredAt) FROM Session s WHERE s.pairId IN :ids"
                      + " GROUP BY s.pairId",
                  Object[].class)
              .setParameter("ids", pairIds.subList(from, Math.min(pairIds.size(), from + 500)))
              .getResultList()) {
        last.put((Long) row[0], (Instant) row[1]);
      }
    }
    return due.stream().map(p -> new Due(p, last.get(p.getPairId()))).toList();
  }
}
