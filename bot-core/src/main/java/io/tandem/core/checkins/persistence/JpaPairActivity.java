package io.tandem.core.checkins.persistence;

import io.tandem.core.checkins.PairActivity;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.Collection;

/** {@link PairActivity} in JPQL over the signal table. One per transaction, not thread-safe. */
public final class JpaPairActivity implements PairActivity {

  private final EntityManager em;

  public JpaPairActivity(Store store) {
    this.em = store.entityManager();
  }

  @Override
  public long count(long pairId, Collection<SignalType> types, Instant since) {
    return em.createQuery(
            "SELECT COUNT(s) FROM Signal s WHERE s.pairId = :pairId AND s.type IN :types"
                + " AND s.occurredAt >= :since",
            Long.class)
        .setParameter("pairId", pairId)
        .setParameter("types", types)
        .setParameter("since", since)
        .getSingleResult();
  }

  /**
   * One seek in {@code ix_signal_actor_type}. Runs without flushing the transaction's pending
   * writes first (flush mode COMMIT): it asks about the person's past, and no transaction that asks
   * also records a signal of that type first (opening the home records {@code HOME_OPENED} and
   * publishes without asking), so a pending write cannot change the answer; the flush (EclipseLink
   * compares every entity of the transaction with its copy) is saved on every {@code log}.
   */
  @Override
  public boolean ever(long memberId, SignalType type) {
    return !em.createQuery(
            "SELECT s.id FROM Signal s WHERE s.actorMemberId = :memberId AND s.type = :type",
            Long.class)
        .setParameter("memberId", memberId)
        .setParameter("type", type)
        .setFlushMode(FlushModeType.COMMIT)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
