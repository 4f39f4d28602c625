package io.tandem.core.delivery.persistence;

import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.sessions.UnitOfWork;

/**
 * Writes new outbox rows at once with one JDBC batch in the caller's transaction, with ids from the
 * same generator as {@code em.persist}: for jobs that queue many messages, where handing each row
 * to the persistence unit (change sets, caches, one insert each at commit) cost more than the rest
 * of the work. The commit still wakes the dispatcher ({@link #wroteAny}).
 */
public final class OutboxInserts {

  private static final int KEYS_PER_QUERY = 500;

  private static final String INSERTED = "io.tandem.outbox.insertedDirectly";

  private static final String INSERT =
      "INSERT INTO outbox_message (id, workspace_id, dedup_key, platform, recipient_user_id,"
          + " channel_id, payload, not_before, state, attempts, created_at, version)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1)";

  private OutboxInserts() {}

  /** Inserts {@code rows} (new, their keys checked free) now, in {@code store}'s transaction. */
  public static void insert(Store store, List<OutboxMessage> rows) {
    if (rows.isEmpty()) {
      return;
    }
    EntityManager em = store.entityManager();
    UnitOfWork uow = em.unwrap(UnitOfWork.class);
    // what the transaction persisted goes first (a row's workspace may be among it)
    flushNew(store);
    Connection c = em.unwrap(Connection.class);
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (OutboxMessage row : rows) {
        ps.setLong(1, uow.getNextSequenceNumberValue(OutboxMessage.class).longValue());
        ps.setLong(2, row.getWorkspaceId());
        ps.setString(3, row.getDedupKey());
        ps.setString(4, row.getPlatform().name());
        ps.setString(5, row.getRecipientUserId());
        if (row.getChannelId() == null) {
          ps.setNull(6, Types.VARCHAR);
        } else {
          ps.setString(6, row.getChannelId());
        }
        ps.setString(7, row.getPayload());
        ps.setLong(8, row.getNotBefore().toEpochMilli());
        ps.setString(9, row.getState().name());
        ps.setLong(10, row.getCreatedAt().toEpochMilli());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("could not queue " + rows.size() + " messages", e);
    }
    uow.setProperty(INSERTED, Boolean.TRUE);
  }

  /**
   * The keys among {@code keys} that are taken: stored in any state, or queued earlier in this
   * transaction (what it persisted is flushed first). Plain JDBC, one query per {@value
   * #KEYS_PER_QUERY} keys: the same question in JPQL had EclipseLink write the SQL of each query
   * anew, an eighth of a reminder pass that queues ten thousand messages.
   */
  public static Set<String> taken(Store store, Collection<String> keys) {
    Set<String> taken = new HashSet<>();
    if (keys.isEmpty()) {
      return taken;
    }
    flushNew(store);
    List<String> unique = List.copyOf(new LinkedHashSet<>(keys));
    Connection c = store.entityManager().unwrap(Connection.class);
    for (int from = 0; from < unique.size(); from += KEYS_PER_QUERY) {
      List<String> part = unique.subList(from, Math.min(unique.size(), from + KEYS_PER_QUERY));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT dedup_key FROM outbox_message WHERE dedup_key IN ("
                  + "?,".repeat(part.size() - 1)
                  + "?)")) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            taken.add(rs.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new PersistenceException("could not look up " + part.size() + " outbox keys", e);
      }
    }
    return taken;
  }

  private static void flushNew(Store store) {
    UnitOfWork uow = store.entityManager().unwrap(UnitOfWork.class);
    if (uow instanceof UnitOfWorkImpl impl && impl.hasNewObjects()) {
      store.flush();
    }
  }

  /** Whether {@code uow}'s transaction wrote outbox rows through {@link #insert}. */
  public static boolean wroteAny(UnitOfWork uow) {
    return uow.getProperty(INSERTED) != null;
  }
}
