package io.tandem.core.delivery.persistence;

import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What operators see of the outbox ({@code tandem outbox}): counts by state, the dead messages, and
 * putting a dead message back in the queue. Plain JDBC, each call in its own short transaction, so
 * it works beside a running dispatcher (which also reads and writes the table with JDBC).
 */
public final class OutboxQueries {

  /** A message that will not be delivered without an operator, as the table holds it. */
  public record DeadMessage(
      String dedupKey,
      Platform platform,
      String recipientUserId,
      String channelId,
      int attempts,
      String lastError,
      Instant createdAt) {}

  /**
   * Messages per state (every state present, zero included) and when the oldest queued one was
   * queued ({@code created_at}), if any is queued.
   */
  public record Summary(Map<OutboxMessage.State, Long> counts, Optional<Instant> oldestQueued) {
    public Summary {
      counts = Map.copyOf(counts);
      Objects.requireNonNull(oldestQueued, "oldestQueued");
    }
  }

  private final Database db;

  public OutboxQueries(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  /**
   * What is waiting: queued and dead messages and the oldest queued one. Unlike {@link #summary()}
   * it never counts delivered messages, so its cost follows the backlog, not the history (two range
   * scans of the {@code (state, not_before)} index); {@code /health} and {@code /metrics} read it
   * on every call.
   */
  public record Backlog(long queued, long dead, Optional<Instant> oldestQueued) {
    public Backlog {
      Objects.requireNonNull(oldestQueued, "oldestQueued");
    }
  }

  public Backlog backlog() {
    return db.inTransaction(
        em ->
            jdbc(
                em.unwrap(Connection.class),
                c -> {
                  long queued = 0;
                  Instant oldest = null;
                  try (PreparedStatement ps =
                          c.prepareStatement(
                              "SELECT COUNT(*), MIN(created_at) FROM outbox_message"
                                  + " WHERE state = 'QUEUED'");
                      ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      queued = rs.getLong(1);
                      long millis = rs.getLong(2);
                      if (!rs.wasNull()) {
                        oldest = Instant.ofEpochMilli(millis);
                      }
                    }
                  }
                  long dead = 0;
                  try (PreparedStatement ps =
                          c.prepareStatement(
                              "SELECT COUNT(*) FROM outbox_message WHERE state = 'DEAD'");
                      ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      dead = rs.getLong(1);
                    }
                  }
                  return new Backlog(queued, dead, Optional.ofNullable(oldest));
                }));
  }

  public Summary summary() {
    return db.inTransaction(
        em ->
            jdbc(
                em.unwrap(Connection.class),
                c -> {
                  Map<OutboxMessage.State, Long> counts = new EnumMap<>(OutboxMessage.State.class);
                  for (OutboxMessage.State s : OutboxMessage.State.values()) {
                    counts.put(s, 0L);
                  }
                  try (PreparedStatement ps =
                          c.prepareStatement(
                              "SELECT state, COUNT(*) FROM outbox_message GROUP BY state");
                      ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      counts.put(OutboxMessage.State.valueOf(rs.getString(1)), rs.getLong(2));
                    }
                  }
                  Instant oldest = null;
                  try (PreparedStatement ps =
                          c.prepareStatement(
                              "SELECT MIN(created_at) FROM outbox_message WHERE state = 'QUEUED'");
                      ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      long millis = rs.getLong(1);
                      if (!rs.wasNull()) {
                        oldest = Instant.ofEpochMilli(millis);
                      }
                    }
                  }
                  return new Summary(counts, Optional.ofNullable(oldest));
                }));
  }

  /** How many messages are due by {@code now} and not yet delivered (or given up). */
  public long undeliveredDueBy(Instant now) {
    return db.inTransaction(
        em ->
            jdbc(
                em.unwrap(Connection.class),
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT COUNT(*) FROM outbox_message"
                              + " WHERE state = 'QUEUED' AND not_before <= ?")) {
                    ps.setLong(1, now.toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                }));
  }

  /** The dead messages, oldest first. */
  public List<DeadMessage> dead() {
    return db.inTransaction(
        em ->
            jdbc(
                em.unwrap(Connection.class),
                c -> {
                  List<DeadMessage> dead = new ArrayList<>();
                  try (PreparedStatement ps =
                          c.prepareStatement(
                              "SELECT dedup_key, platform, recipient_user_id, channel_id,"
                                  + " attempts, last_error, created_at FROM outbox_message"
                                  + " WHERE state = 'DEAD' ORDER BY created_at, id");
                      ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      dead.add(
                          new DeadMessage(
                              rs.getString(1),
                              Platform.valueOf(rs.getString(2)),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getInt(5),
                              rs.getString(6),
                              Instant.ofEpochMilli(rs.getLong(7))));
                    }
                  }
                  return dead;
                }));
  }

  /** What {@link #retry} did. */
  public enum RetryOutcome {
    /** The message is queued again and due now. */
    REQUEUED,
    /** No message has that key. */
    UNKNOWN_KEY,
    /** The message is already queued, nothing changed. */
    ALREADY_QUEUED,
    /** The message was delivered; sending it again is not a retry. Nothing changed. */
    ALREADY_DELIVERED
  }

  /**
   * Puts a dead message back in the queue: {@code QUEUED}, attempts 0, due at {@code now}, no
   * lease. The last error stays until the next attempt overwrites or clears it; so does the mark of
   * a last attempt whose outcome is unknown, so the dispatcher looks on the platform before it
   * sends again.
   */
  public RetryOutcome retry(String dedupKey, Instant now) {
    Objects.requireNonNull(dedupKey, "dedupKey");
    return db.inTransaction(
        em ->
            jdbc(
                em.unwrap(Connection.class),
                c -> {
                  String state;
                  try (PreparedStatement ps =
                      c.prepareStatement("SELECT state FROM outbox_message WHERE dedup_key = ?")) {
                    ps.setString(1, dedupKey);
                    try (ResultSet rs = ps.executeQuery()) {
                      if (!rs.next()) {
                        return RetryOutcome.UNKNOWN_KEY;
                      }
                      state = rs.getString(1);
                    }
                  }
                  if (state.equals("QUEUED")) {
                    return RetryOutcome.ALREADY_QUEUED;
                  }
                  if (state.equals("DELIVERED")) {
                    return RetryOutcome.ALREADY_DELIVERED;
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE outbox_message SET state = 'QUEUED', attempts = 0,"
                              + " not_before = ?, lease_owner = NULL, lease_until = NULL,"
                              + " version = version + 1 WHERE dedup_key = ? AND state = 'DEAD'")) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setString(2, dedupKey);
                    ps.executeUpdate();
                  }
                  return RetryOutcome.REQUEUED;
                }));
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private static <T> T jdbc(Connection connection, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read or update the outbox", e);
    }
  }
}
