package io.tandem.core.surveys.persistence;

import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyRun;
import io.tandem.core.surveys.SurveyRuns;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link SurveyRuns} in JPQL. */
public final class JpaSurveyRuns implements SurveyRuns {

  private final Store store;
  private final EntityManager em;

  public JpaSurveyRuns(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  @Override
  public SurveyRun add(SurveyRun run) {
    return store.add(run);
  }

  @Override
  public Optional<SurveyRun> find(long id) {
    return Optional.ofNullable(em.find(SurveyRun.class, id));
  }

  @Override
  public List<SurveyRun> latest(long workspaceId, int limit) {
    return em.createQuery(
            "SELECT r FROM SurveyRun r WHERE r.workspaceId = :workspaceId ORDER BY r.id DESC",
            SurveyRun.class)
        .setParameter("workspaceId", workspaceId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Long> dueForReminder(Instant now) {
    return em.createQuery(
            "SELECT r.id FROM SurveyRun r WHERE r.closedAt IS NULL AND r.remindedAt IS NULL"
                + " AND r.remindAt <= :now ORDER BY r.id",
            Long.class)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public List<Long> dueForClosing(Instant now) {
    return em.createQuery(
            "SELECT r.id FROM SurveyRun r WHERE r.closedAt IS NULL AND r.closesAt <= :now"
                + " ORDER BY r.id",
            Long.class)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public Optional<SurveyRun> previous(SurveyRun run) {
    return em
        .createQuery(
            "SELECT r FROM SurveyRun r WHERE r.programId = :programId"
                + " AND r.templateId = :templateId AND r.id < :id ORDER BY r.id DESC",
            SurveyRun.class)
        .setParameter("programId", run.programId())
        .setParameter("templateId", run.templateId())
        .setParameter("id", run.id())
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<SurveyRun> openedIn(long programId, Instant from, Instant to) {
    return em.createQuery(
            "SELECT r FROM SurveyRun r WHERE r.programId = :programId AND r.openedAt >= :from"
                + " AND r.openedAt < :to ORDER BY r.templateId, r.openedAt, r.id",
            SurveyRun.class)
        .setParameter("programId", programId)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  @Override
  public void takeTurn(long runId) {
    em.createQuery("UPDATE SurveyRun r SET r.invited = r.invited WHERE r.id = :id")
        .setParameter("id", runId)
        .executeUpdate();
  }
}
