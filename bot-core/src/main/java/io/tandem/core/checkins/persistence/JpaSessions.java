package io.tandem.core.checkins.persistence;

import io.tandem.core.checkins.Session;
import io.tandem.core.checkins.SessionNote;
import io.tandem.core.checkins.Sessions;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link Sessions} in JPQL, and JDBC for {@link #last}. One per transaction, not thread-safe. */
public final class JpaSessions implements Sessions {

  private final Store store;
  private final EntityManager em;

  public JpaSessions(Store store) {
    this.store = store;
    this.em = store.entityManager();
  }

  @Override
  public Optional<Session> onDay(long pairId, String localDate) {
    return first(
        em.createQuery(
                "SELECT s FROM Session s WHERE s.pairId = :pairId AND s.localDate = :day",
                Session.class)
            .setParameter("pairId", pairId)
            .setParameter("day", localDate)
            .getResultList());
  }

  @Override
  public int nextNumber(Long pairId, long participantId) {
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

  @Override
  public List<Session> ofPair(long pairId) {
    return em.createQuery(
            "SELECT s FROM Session s WHERE s.pairId = :pairId ORDER BY s.number DESC, s.id DESC",
            Session.class)
        .setParameter("pairId", pairId)
        .getResultList();
  }

  @Override
  public List<Session> solo(long participantId) {
    return em.createQuery(
            "SELECT s FROM Session s WHERE s.pairId IS NULL AND s.participantId = :id"
                + " ORDER BY s.number DESC, s.id DESC",
            Session.class)
        .setParameter("id", participantId)
        .getResultList();
  }

  @Override
  public Optional<Session> session(long id) {
    return Optional.ofNullable(em.find(Session.class, id));
  }

  @Override
  public Totals totals(long participantId) {
    Object[] row =
        em.createQuery(
                "SELECT COUNT(s), SUM(s.minutes) FROM Session s"
                    + " WHERE s.participantId = :participantId",
                Object[].class)
            .setParameter("participantId", participantId)
            .getSingleResult();
    long count = row[0] == null ? 0 : ((Number) row[0]).longValue();
    long minutes = row[1] == null ? 0 : ((Number) row[1]).longValue();
    return new Totals(count, minutes);
  }

  /** The id by one seek ({@link Store#firstLong}: {@code status} asks each time), then the row. */
  @Override
  public Optional<Session> last(long participantId) {
    OptionalLong id = store.firstLong(LAST, participantId);
    return id.isPresent()
        ? Optional.ofNullable(em.find(Session.class, id.getAsLong()))
        : Optional.empty();
  }

  /** The query of {@link #last}. */
  public static final String LAST =
      "SELECT id FROM mentoring_session WHERE participant_id = ?"
          + " ORDER BY occurred_at DESC, id DESC LIMIT 1";

  @Override
  public List<SessionNote> notes(long sessionId) {
    return em.createQuery(
            "SELECT n FROM SessionNote n WHERE n.sessionId = :sessionId ORDER BY n.id",
            SessionNote.class)
        .setParameter("sessionId", sessionId)
        .getResultList();
  }

  @Override
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

  @Override
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

  @Override
  public Optional<SessionNote> noteById(long noteId) {
    return Optional.ofNullable(em.find(SessionNote.class, noteId));
  }

  private static <T> Optional<T> first(List<T> results) {
    return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
  }
}
