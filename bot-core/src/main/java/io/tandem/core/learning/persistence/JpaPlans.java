package io.tandem.core.learning.persistence;

import io.tandem.core.learning.Goal;
import io.tandem.core.learning.GoalTask;
import io.tandem.core.learning.Plans;
import io.tandem.core.learning.SkillRating;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** {@link Plans} in JPQL. One per transaction, not thread-safe. */
public final class JpaPlans implements Plans {

  private final EntityManager em;

  public JpaPlans(Store store) {
    this.em = store.entityManager();
  }

  @Override
  public List<Goal> goals(long pairId) {
    return em.createQuery(
            "SELECT g FROM Goal g WHERE g.pairId = :pairId ORDER BY g.number", Goal.class)
        .setParameter("pairId", pairId)
        .getResultList();
  }

  @Override
  public Optional<Goal> goal(long id) {
    return Optional.ofNullable(em.find(Goal.class, id));
  }

  @Override
  public int nextGoalNumber(long pairId) {
    Integer max =
        em.createQuery("SELECT MAX(g.number) FROM Goal g WHERE g.pairId = :pairId", Integer.class)
            .setParameter("pairId", pairId)
            .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  @Override
  public List<GoalTask> tasks(long pairId) {
    return em.createQuery(
            "SELECT t FROM GoalTask t WHERE t.pairId = :pairId ORDER BY t.number", GoalTask.class)
        .setParameter("pairId", pairId)
        .getResultList();
  }

  @Override
  public int nextTaskNumber(long pairId) {
    Integer max =
        em.createQuery(
                "SELECT MAX(t.number) FROM GoalTask t WHERE t.pairId = :pairId", Integer.class)
            .setParameter("pairId", pairId)
            .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  @Override
  public List<SkillRating> ratings(long participantId) {
    return em.createQuery(
            "SELECT r FROM SkillRating r WHERE r.participantId = :id ORDER BY r.ratedAt, r.id",
            SkillRating.class)
        .setParameter("id", participantId)
        .getResultList();
  }
}
