package io.tandem.core.store;

import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Pairs;
import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The queries and writes use cases need, over the entity manager of one {@link
 * Database#inTransaction} call. Create one per transaction; it is not thread-safe.
 *
 * <p>The workspace, member, program, participant and pair look-ups below answer through the ports
 * of enrolment, programs and matching ({@code Workspaces.in(store)} and so on), which hold their
 * queries; they stay here for the features that still ask the store.
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
    return Workspaces.in(this).find(platform, externalId);
  }

  public Optional<Member> member(long workspaceId, String userId) {
    return Members.in(this).find(workspaceId, userId);
  }

  public Optional<Program> defaultProgram(long workspaceId) {
    return Programs.in(this).defaultOf(workspaceId);
  }

  /** The program with this name, ignoring case and surrounding blanks. */
  public Optional<Program> programNamed(long workspaceId, String name) {
    return Programs.in(this).named(workspaceId, name);
  }

  /** The workspace's programs, by name. */
  public List<Program> programs(long workspaceId) {
    return Programs.in(this).inWorkspace(workspaceId);
  }

  public Optional<Program> program(long id) {
    return Programs.in(this).byId(id);
  }

  /** The member's participations, most recently joined first. */
  public List<Participant> participations(long memberId) {
    return Participants.in(this).ofMember(memberId);
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

  /**
   * The keys among {@code keys} that are taken: queued earlier in this transaction or stored in any
   * state. One query per {@value #KEYS_PER_QUERY} keys, however many messages they name: for work
   * that queues many messages at once ({@code Outbox.queueAll}).
   */
  public Set<String> outboxKeysTaken(Collection<String> keys) {
    Set<String> taken = new HashSet<>();
    List<String> unseen = new ArrayList<>();
    for (String key : new LinkedHashSet<>(keys)) {
      if (keysQueuedInThisTransaction().contains(key)) {
        taken.add(key);
      } else {
        unseen.add(key);
      }
    }
    for (int from = 0; from < unseen.size(); from += KEYS_PER_QUERY) {
      taken.addAll(
          em.createQuery(
                  "SELECT o.dedupKey FROM OutboxMessage o WHERE o.dedupKey IN :keys", String.class)
              .setParameter(
                  "keys", unseen.subList(from, Math.min(unseen.size(), from + KEYS_PER_QUERY)))
              .setFlushMode(FlushModeType.COMMIT)
              .getResultList());
    }
    return taken;
  }

  /**
   * Queues a message whose key {@link #outboxKeysTaken} found free in this transaction, without
   * looking again; the unique key on {@code dedup_key} still refuses a duplicate at commit.
   */
  public void queueChecked(OutboxMessage message) {
    em.persist(message);
    keysQueuedInThisTransaction().add(message.getDedupKey());
  }

  private static final int KEYS_PER_QUERY = 500;

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

  /** A program's participants, in the order they joined. */
  public List<Participant> participants(long programId) {
    return Participants.in(this).inProgram(programId);
  }

  /** A program's pairs in one state. */
  public List<Pair> pairs(long programId, Pair.Status status) {
    return Pairs.in(this).inProgram(programId, status);
  }

  public void remove(Object entity) {
    em.remove(entity);
  }

  public Optional<Workspace> workspaceById(long id) {
    return Workspaces.in(this).byId(id);
  }

  public Optional<Member> memberById(long id) {
    return Members.in(this).byId(id);
  }

  public Optional<Participant> participantById(long id) {
    return Participants.in(this).byId(id);
  }

  private static <T> Optional<T> first(List<T> results) {
    return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
  }
}
