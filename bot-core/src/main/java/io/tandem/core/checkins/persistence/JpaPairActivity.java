package io.tandem.core.checkins.persistence;

import io.tandem.core.checkins.PairActivity;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;

/**
 * {@link PairActivity} over the signal table: JPQL, and JDBC for the per-command check. One per
 * transaction, not thread-safe.
 */
public final class JpaPairActivity implements PairActivity {

  private final Store store;
  private final EntityManager em;

  public JpaPairActivity(Store store) {
    this.store = store;
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
   * One seek in {@code ix_signal_actor_type} ({@link Store#firstLong}: every {@code log} asks).
   * Reads the database, not this transaction's pending writes: it asks about the person's past, and
   * no transaction that asks also records a signal of that type first (opening the home records
   * {@code HOME_OPENED} and publishes without asking).
   */
  @Override
  public boolean ever(long memberId, SignalType type) {
    return store.firstLong(EVER, memberId, type.name()).isPresent();
  }

  /** The query of {@link #ever}. */
  public static final String EVER =
      "SELECT 1 FROM signal WHERE actor_member_id = ? AND type = ? LIMIT 1";
}
