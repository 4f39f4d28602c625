package io.tandem.core.store;

import io.tandem.core.delivery.OutboxMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The queries and writes use cases need, over the entity manager of one {@link
 * Database#inTransaction} call. Create one per transaction; it is not thread-safe.
 *
 * <p>Workspaces, members, programs, participants and pairs are read through the ports of the
 * features that own them ({@code Workspaces.in(store)} and so on).
 */
public final class Store {

  private final EntityManager em;
  private final ReadsFirst reads;

  public Store(EntityManager em) {
    this(em, ReadsFirst.NONE);
  }

  Store(EntityManager em, ReadsFirst reads) {
    this.em = Objects.requireNonNull(em, "em");
    this.reads = Objects.requireNonNull(reads, "reads");
  }

  /**
   * What a {@link Database#readsFirst} transaction does before it writes, and when it starts to.
   */
  interface ReadsFirst {
    ReadsFirst NONE =
        new ReadsFirst() {
          @Override
          public Connection connectionBeforeWrites() {
            return null;
          }

          @Override
          public void writesBegin() {}
        };

    /**
     * A connection of its own, for {@link #firstLong} to close after its query, while the
     * transaction has not begun to write (so the read takes no write lock); else {@code null}, and
     * it reads on the transaction's connection.
     */
    Connection connectionBeforeWrites() throws SQLException;

    /**
     * Called before each new entity is registered, which may take a block of ids in a transaction
     * of its own: the write lock is taken first, as by every other transaction.
     */
    void writesBegin();
  }

  public EntityManager entityManager() {
    return em;
  }

  /** Persists a new entity; its id is assigned at once. */
  public <T> T add(T entity) {
    reads.writesBegin();
    em.persist(entity);
    return entity;
  }

  /**
   * Writes pending changes now: for explicit ordering, and before a query that must see this
   * transaction's own writes in a {@link Database#readsFirst} transaction.
   */
  public void flush() {
    em.flush();
  }

  public boolean outboxKeyExists(String dedupKey) {
    if (keysQueuedInThisTransaction().contains(dedupKey)) {
      return true;
    }
    // No flush before this query: flushing the whole unit of work for every queued message made
    // queueing n messages in one transaction quadratic (10 000 took 85 s). Keys queued earlier in
    // this transaction are checked above instead.
    return firstLong(OUTBOX_KEY, dedupKey).isPresent();
  }

  /**
   * The first column of the first row {@code sql} finds, as a long, in plain JDBC on this
   * transaction's connection: for one-row lookups on a request path, whose SQL EclipseLink would
   * write anew on every call (it does for any query with a row limit). Reads the database, not this
   * transaction's pending writes.
   *
   * @param params {@code Long}, {@code Integer} or {@code String} values, in order
   */
  public OptionalLong firstLong(String sql, Object... params) {
    try (Connection own = reads.connectionBeforeWrites();
        PreparedStatement ps =
            (own != null ? own : em.unwrap(Connection.class)).prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new PersistenceException("could not run " + sql, e);
    }
  }

  /** The query of {@link #outboxKeyExists}. */
  public static final String OUTBOX_KEY =
      "SELECT 1 FROM outbox_message WHERE dedup_key = ? LIMIT 1";

  /** Queues a message unless one with its dedup key exists; returns whether it was queued. */
  public boolean queueOnce(OutboxMessage message) {
    if (outboxKeyExists(message.getDedupKey())) {
      return false;
    }
    reads.writesBegin();
    em.persist(message);
    keysQueuedInThisTransaction().add(message.getDedupKey());
    return true;
  }

  /**
   * Queues a message whose key {@code OutboxInserts.taken} found free in this transaction, without
   * looking again; the unique key on {@code dedup_key} still refuses a duplicate at commit.
   */
  public void queueChecked(OutboxMessage message) {
    reads.writesBegin();
    em.persist(message);
    keysQueuedInThisTransaction().add(message.getDedupKey());
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

  public void remove(Object entity) {
    em.remove(entity);
  }
}
