package io.tandem.core.checkins.persistence;

import io.tandem.core.checkins.Session;
import io.tandem.core.checkins.SessionNote;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.learning.Goal;
import io.tandem.core.learning.GoalTask;
import io.tandem.core.learning.SkillRating;
import io.tandem.core.matching.Pair;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The queries of check-ins and the learning plan (sessions and their perspectives, goals, tasks,
 * skill ratings), over the entity manager of one {@link Store}. Same rules as {@link Store}: one
 * per transaction, not thread-safe.
 */
public final class CheckInStore {

  private final Store store;
  private final EntityManager em;

  public CheckInStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  public Store store() {
    return store;
  }

  /** The participant's active pair, newest first if there are several. */
  public Optional<Pair> activePair(long participantId) {
    return first(
        em.createQuery(
                "SELECT p FROM Pair p WHERE p.status = :status"
                    + " AND (p.mentorId = :id OR p.menteeId = :id) ORDER BY p.createdAt DESC, p.id"
                    + " DESC",
                Pair.class)
            .setParameter("status", Pair.Status.ACTIVE)
            .setParameter("id", participantId)
            .getResultList());
  }

  // ---- sessions

  public Optional<Session> sessionOnDay(long pairId, String localDate) {
    return first(
        em.createQuery(
                "SELECT s FROM Session s WHERE s.pairId = :pairId AND s.localDate = :day",
                Session.class)
            .setParameter("pairId", pairId)
            .setParameter("day", localDate)
            .getResultList());
  }

  /** The next number for a pair's session, or for an unpaired person's ({@code pairId} null). */
  public int nextSessionNumber(Long pairId, long participantId) {
    Integer max =
        pairId != null
            ? em.createQuery(
                    "SELECT MAX(s.number) FROM Session s WHERE s.pairId = :pairId", Integer.class)
                .setParameter("pairId", pairId)
                .getSingleResult()
            : em.createQuery(
                    "SELECT MAX(s.number) FROM Session s WHERE s.pairId IS NULL"
                        + " AND s.participantId = :participantId",
                    Integer.class)
                .setParameter("participantId", participantId)
                .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  /** A pair's sessions, newest number first. */
  public List<Session> pairSessions(long pairId) {
    return em.createQuery(
            "SELECT s FROM Session s WHERE s.pairId = :pairId ORDER BY s.number DESC, s.id DESC",
            Session.class)
        .setParameter("pairId", pairId)
        .getResultList();
  }

  /** An unpaired person's own sessions, newest number first. */
  public List<Session> soloSessions(long participantId) {
    return em.createQuery(
            "SELECT s FROM Session s WHERE s.pairId IS NULL AND s.participantId = :id"
                + " ORDER BY s.number DESC, s.id DESC",
            Session.class)
        .setParameter("id", participantId)
        .getResultList();
  }

  public Optional<Session> session(long id) {
    return Optional.ofNullable(em.find(Session.class, id));
  }

  public List<SessionNote> notes(long sessionId) {
    return em.createQuery(
            "SELECT n FROM SessionNote n WHERE n.sessionId = :sessionId ORDER BY n.id",
            SessionNote.class)
        .setParameter("sessionId", sessionId)
        .getResultList();
  }

  public List<SessionNote> notes(Collection<Long> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT n FROM SessionNote n WHERE n.sessionId IN :ids ORDER BY n.id",
            SessionNote.class)
        .setParameter("ids", sessionIds)
        .getResultList();
  }

  public Optional<SessionNote> note(long sessionId, long participantId) {
    return first(
        em.createQuery(
                "SELECT n FROM SessionNote n WHERE n.sessionId = :sessionId"
                    + " AND n.participantId = :participantId",
                SessionNote.class)
            .setParameter("sessionId", sessionId)
            .setParameter("participantId", participantId)
            .getResultList());
  }

  // ---- goals and tasks

  public List<Goal> goals(long pairId) {
    return em.createQuery(
            "SELECT g FROM Goal g WHERE g.pairId = :pairId ORDER BY g.number", Goal.class)
        .setParameter("pairId", pairId)
        .getResultList();
  }

  public int nextGoalNumber(long pairId) {
    Integer max =
        em.createQuery("SELECT MAX(g.number) FROM Goal g WHERE g.pairId = :pairId", Integer.class)
            .setParameter("pairId", pairId)
            .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  public List<GoalTask> tasks(long pairId) {
    return em.createQuery(
            "SELECT t FROM GoalTask t WHERE t.pairId = :pairId ORDER BY t.number", GoalTask.class)
        .setParameter("pairId", pairId)
        .getResultList();
  }

  public int nextTaskNumber(long pairId) {
    Integer max =
        em.createQuery(
                "SELECT MAX(t.number) FROM GoalTask t WHERE t.pairId = :pairId", Integer.class)
            .setParameter("pairId", pairId)
            .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  // ---- skill ratings and signals

  /** A participant's review ratings, oldest first (the newest per skill is the current one). */
  public List<SkillRating> ratings(long participantId) {
    return em.createQuery(
            "SELECT r FROM SkillRating r WHERE r.participantId = :id ORDER BY r.ratedAt, r.id",
            SkillRating.class)
        .setParameter("id", participantId)
        .getResultList();
  }

  /** How many signals of these types a pair has since an instant. */
  public long pairSignals(long pairId, Collection<SignalType> types, Instant since) {
    return em.createQuery(
            "SELECT COUNT(s) FROM Signal s WHERE s.pairId = :pairId AND s.type IN :types"
                + " AND s.occurredAt >= :since",
            Long.class)
        .setParameter("pairId", pairId)
        .setParameter("types", types)
        .setParameter("since", since)
        .getSingleResult();
  }

  /** Whether a member ever caused a signal of this type. */
  public boolean hasSignal(long memberId, SignalType type) {
    return !em.createQuery(
            "SELECT s.id FROM Signal s WHERE s.actorMemberId = :memberId AND s.type = :type",
            Long.class)
        .setParameter("memberId", memberId)
        .setParameter("type", type)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private static <T> Optional<T> first(List<T> results) {
    return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
  }
}
