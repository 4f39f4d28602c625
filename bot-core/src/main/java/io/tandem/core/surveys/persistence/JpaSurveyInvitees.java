package io.tandem.core.surveys.persistence;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.kernel.Role;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyInvitee;
import io.tandem.core.surveys.SurveyInvitees;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@link SurveyInvitees} in JPQL. Marking an answer is one conditional update, so two answers of
 * one person racing on PostgreSQL cannot both count.
 */
public final class JpaSurveyInvitees implements SurveyInvitees {

  private final Store store;
  private final EntityManager em;

  public JpaSurveyInvitees(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  @Override
  public void invite(long runId, long memberId) {
    store.add(new SurveyInvitee(runId, memberId));
  }

  @Override
  public List<Member> audience(long programId, Collection<Role> roles) {
    return em.createQuery(
            "SELECT m FROM Participant p, WorkspaceMember m WHERE p.programId = :programId"
                + " AND p.status = :active AND p.role IN :roles AND m.id = p.memberId"
                + " ORDER BY p.joinedAt, p.id",
            Member.class)
        .setParameter("programId", programId)
        .setParameter("active", ParticipantStatus.ACTIVE)
        .setParameter("roles", List.copyOf(roles))
        .getResultList();
  }

  @Override
  public boolean invited(long runId, long memberId) {
    return count("", runId, memberId) > 0;
  }

  @Override
  public boolean answered(long runId, long memberId) {
    return count(" AND i.answeredOn IS NOT NULL", runId, memberId) > 0;
  }

  private long count(String condition, long runId, long memberId) {
    return em.createQuery(
            "SELECT COUNT(i) FROM SurveyInvitee i WHERE i.runId = :runId"
                + " AND i.memberId = :memberId"
                + condition,
            Long.class)
        .setParameter("runId", runId)
        .setParameter("memberId", memberId)
        .getSingleResult();
  }

  @Override
  public boolean markAnswered(long runId, long memberId, LocalDate day) {
    return em.createQuery(
                "UPDATE SurveyInvitee i SET i.answeredOn = :day WHERE i.runId = :runId"
                    + " AND i.memberId = :memberId AND i.answeredOn IS NULL")
            .setParameter("day", day.toString())
            .setParameter("runId", runId)
            .setParameter("memberId", memberId)
            .executeUpdate()
        > 0;
  }

  @Override
  public long answeredCount(long runId) {
    return em.createQuery(
            "SELECT COUNT(i) FROM SurveyInvitee i WHERE i.runId = :runId"
                + " AND i.answeredOn IS NOT NULL",
            Long.class)
        .setParameter("runId", runId)
        .getSingleResult();
  }

  @Override
  public List<Long> unanswered(long runId) {
    return em.createQuery(
            "SELECT i.memberId FROM SurveyInvitee i WHERE i.runId = :runId"
                + " AND i.answeredOn IS NULL ORDER BY i.memberId",
            Long.class)
        .setParameter("runId", runId)
        .getResultList();
  }
}
