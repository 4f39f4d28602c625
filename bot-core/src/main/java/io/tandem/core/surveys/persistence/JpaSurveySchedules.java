package io.tandem.core.surveys.persistence;

import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveySchedule;
import io.tandem.core.surveys.SurveySchedules;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link SurveySchedules} in JPQL. */
public final class JpaSurveySchedules implements SurveySchedules {

  private final Store store;
  private final EntityManager em;

  public JpaSurveySchedules(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  @Override
  public SurveySchedule add(SurveySchedule schedule) {
    return store.add(schedule);
  }

  @Override
  public Optional<SurveySchedule> find(long id) {
    return Optional.ofNullable(em.find(SurveySchedule.class, id));
  }

  @Override
  public List<SurveySchedule> active(long workspaceId) {
    return em.createQuery(
            "SELECT s FROM SurveySchedule s WHERE s.workspaceId = :workspaceId"
                + " AND s.cancelledAt IS NULL ORDER BY s.id",
            SurveySchedule.class)
        .setParameter("workspaceId", workspaceId)
        .getResultList();
  }

  @Override
  public List<Long> due(Instant now) {
    return em.createQuery(
            "SELECT s.id FROM SurveySchedule s WHERE s.cancelledAt IS NULL AND s.nextAt <= :now"
                + " ORDER BY s.id",
            Long.class)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public boolean cancel(long id, long workspaceId, Instant now) {
    return em.createQuery(
                "UPDATE SurveySchedule s SET s.cancelledAt = :now WHERE s.id = :id"
                    + " AND s.workspaceId = :workspaceId AND s.cancelledAt IS NULL")
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("workspaceId", workspaceId)
            .executeUpdate()
        > 0;
  }
}
