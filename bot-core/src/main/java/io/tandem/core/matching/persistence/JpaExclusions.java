package io.tandem.core.matching.persistence;

import io.tandem.core.matching.Exclusion;
import io.tandem.core.matching.Exclusions;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;

/** {@link Exclusions} over JPA, in the transaction of one {@link Store}. */
public final class JpaExclusions implements Exclusions {

  private final Store store;
  private final EntityManager em;

  public JpaExclusions(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public boolean addUnlessKnown(Exclusion exclusion) {
    boolean exists =
        !em.createQuery(
                "SELECT e.id FROM Exclusion e WHERE e.memberId = :memberId"
                    + " AND e.excludedUserId = :userId",
                Long.class)
            .setParameter("memberId", exclusion.getMemberId())
            .setParameter("userId", exclusion.getExcludedUserId())
            .getResultList()
            .isEmpty();
    if (!exists) {
      store.add(exclusion);
    }
    return !exists;
  }
}
