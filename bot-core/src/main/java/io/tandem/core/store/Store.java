package io.tandem.core.store;

import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.matching.Exclusion;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.Program;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The queries and writes use cases need, over the entity manager of one {@link
 * Database#inTransaction} call. Create one per transaction; it is not thread-safe.
 */
public final class Store {

  private final EntityManager em;

  public Store(EntityManager em) {
    this.em = Objects.requireNonNull(em, "em");
  }

  public EntityManager entityManager() {
    return em;
  }

  /** Persists a new entity; its id is assigned at once. */
  public <T> T add(T entity) {
    em.persist(entity);
    return entity;
  }

  /** Writes pending changes now (queries flush by themselves; this is for explicit ordering). */
  public void flush() {
    em.flush();
  }

  public Optional<Workspace> workspace(Platform platform, String externalId) {
    return first(
        em.createQuery(
                "SELECT w FROM Workspace w WHERE w.platform = :platform"
                    + " AND w.externalId = :externalId",
                Workspace.class)
            .setParameter("platform", platform)
            .setParameter("externalId", externalId)
            .getResultList());
  }

  public Optional<Member> member(long workspaceId, String userId) {
    return first(
        em.createQuery(
                "SELECT m FROM WorkspaceMember m WHERE m.workspaceId = :workspaceId"
                    + " AND m.userId = :userId",
                Member.class)
            .setParameter("workspaceId", workspaceId)
            .setParameter("userId", userId)
            .getResultList());
  }

  public Optional<Program> defaultProgram(long workspaceId) {
    return first(
        em.createQuery(
                "SELECT p FROM Program p WHERE p.workspaceId = :workspaceId"
                    + " AND p.defaultProgram = TRUE",
                Program.class)
            .setParameter("workspaceId", workspaceId)
            .getResultList());
  }

  /** The program with this name, ignoring case and surrounding blanks. */
  public Optional<Program> programNamed(long workspaceId, String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return programs(workspaceId).stream()
        .filter(p -> p.getName().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** The workspace's programs, by name. */
  public List<Program> programs(long workspaceId) {
    return em.createQuery(
            "SELECT p FROM Program p WHERE p.workspaceId = :workspaceId ORDER BY p.name",
            Program.class)
        .setParameter("workspaceId", workspaceId)
        .getResultList();
  }

  public Optional<Program> program(long id) {
    return Optional.ofNullable(em.find(Program.class, id));
  }

  public Optional<Participant> participant(long programId, long memberId) {
    return first(
        em.createQuery(
                "SELECT p FROM Participant p WHERE p.programId = :programId"
                    + " AND p.memberId = :memberId",
                Participant.class)
            .setParameter("programId", programId)
            .setParameter("memberId", memberId)
            .getResultList());
  }

  /** The member's participations, most recently joined first. */
  public List<Participant> participations(long memberId) {
    return em.createQuery(
            "SELECT p FROM Participant p WHERE p.memberId = :memberId"
                + " ORDER BY p.joinedAt DESC, p.id DESC",
            Participant.class)
        .setParameter("memberId", memberId)
        .getResultList();
  }

  public boolean outboxKeyExists(String dedupKey) {
    if (keysQueuedInThisTransaction().contains(dedupKey)) {
      return true;
    }
    // No flush before this query: flushing the whole unit of work for every queued message made
    // queueing n messages in one transaction quadratic (10 000 took 85 s). Keys queued earlier in
    // this transaction are checked above instead.
    return !em.createQuery("SELECT o.id FROM OutboxMessage o WHERE o.dedupKey = :key", Long.class)
        .setParameter("key", dedupKey)
        .setFlushMode(FlushModeType.COMMIT)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Queues a message unless one with its dedup key exists; returns whether it was queued. */
  public boolean queueOnce(OutboxMessage message) {
    if (outboxKeyExists(message.getDedupKey())) {
      return false;
    }
    em.persist(message);
    keysQueuedInThisTransaction().add(message.getDedupKey());
    return true;
  }

  /** Kept on the entity manager, so every {@code Store} of one transaction sees the same set. */
  @SuppressWarnings("unchecked")
  private Set<String> keysQueuedInThisTransaction() {
    Object keys = em.getProperties().get(QUEUED_KEYS);
    if (keys == null) {
      keys = new HashSet<String>();
      em.setProperty(QUEUED_KEYS, keys);
    }
    return (Set<String>) keys;
  }

  private static final String QUEUED_KEYS = "io.tandem.outbox.queuedKeys";

  public long countParticipants(long programId, ParticipantStatus status) {
    return em.createQuery(
            "SELECT COUNT(p) FROM Participant p WHERE p.programId = :programId"
                + " AND p.status = :status",
            Long.class)
        .setParameter("programId", programId)
        .setParameter("status", status)
        .getSingleResult();
  }

  /** A program's participants, in the order they joined. */
  public List<Participant> participants(long programId) {
    return em.createQuery(
            "SELECT p FROM Participant p WHERE p.programId = :programId"
                + " ORDER BY p.joinedAt, p.id",
            Participant.class)
        .setParameter("programId", programId)
        .getResultList();
  }

  public List<Member> members(long workspaceId) {
    return em.createQuery(
            "SELECT m FROM WorkspaceMember m WHERE m.workspaceId = :workspaceId", Member.class)
        .setParameter("workspaceId", workspaceId)
        .getResultList();
  }

  /** Records an exclusion unless the same one exists; returns whether it was new. */
  public boolean addExclusion(Exclusion exclusion) {
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
      em.persist(exclusion);
    }
    return !exists;
  }

  public List<Exclusion> exclusions(long workspaceId) {
    return em.createQuery(
            "SELECT e FROM Exclusion e WHERE e.workspaceId = :workspaceId", Exclusion.class)
        .setParameter("workspaceId", workspaceId)
        .getResultList();
  }

  /** A program's pairs in one state. */
  public List<Pair> pairs(long programId, Pair.Status status) {
    return em.createQuery(
            "SELECT p FROM Pair p WHERE p.programId = :programId AND p.status = :status"
                + " ORDER BY p.id",
            Pair.class)
        .setParameter("programId", programId)
        .setParameter("status", status)
        .getResultList();
  }

  /** Every pair in a workspace that is or was real (for repeat avoidance across programs). */
  /** A pair that was approved once, by the member ids of its people. */
  public record PastPair(long mentorMemberId, long menteeMemberId, Instant createdAt) {}

  /** Every pair of the workspace that was ever approved, in one query. */
  public List<PastPair> pairHistory(long workspaceId) {
    return em
        .createQuery(
            "SELECT a.memberId, b.memberId, p.createdAt FROM Pair p, Participant a, Participant b"
                + " WHERE p.workspaceId = :workspaceId AND p.status <> :proposed"
                + " AND a.id = p.mentorId AND b.id = p.menteeId",
            Object[].class)
        .setParameter("workspaceId", workspaceId)
        .setParameter("proposed", Pair.Status.PROPOSED)
        .getResultList()
        .stream()
        .map(row -> new PastPair((Long) row[0], (Long) row[1], (Instant) row[2]))
        .toList();
  }

  public void remove(Object entity) {
    em.remove(entity);
  }

  public Optional<Workspace> workspaceById(long id) {
    return Optional.ofNullable(em.find(Workspace.class, id));
  }

  public Optional<Member> memberById(long id) {
    return Optional.ofNullable(em.find(Member.class, id));
  }

  public Optional<Participant> participantById(long id) {
    return Optional.ofNullable(em.find(Participant.class, id));
  }

  private static <T> Optional<T> first(List<T> results) {
    return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
  }
}
