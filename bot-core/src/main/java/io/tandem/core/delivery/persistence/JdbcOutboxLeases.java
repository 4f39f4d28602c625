package io.tandem.core.delivery.persistence;

import io.tandem.core.delivery.ClaimedMessage;
import io.tandem.core.delivery.OutboxLeases;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link OutboxLeases} in plain JDBC: the claim needs {@code FOR UPDATE SKIP LOCKED} on PostgreSQL,
 * and every outcome is a single conditional {@code UPDATE} that JPA would turn into a read and a
 * write.
 */
public final class JdbcOutboxLeases implements OutboxLeases {

  private static final int MAX_ERROR_LENGTH = 2000;
  private static final int MAX_REF_LENGTH = 200;

  private final Database db;
  private final String instanceId;
  private final String platformList;

  public JdbcOutboxLeases(Database db, String instanceId, Set<Platform> platforms) {
    this.db = Objects.requireNonNull(db, "db");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.platformList =
        platforms.stream().sorted().map(p -> "'" + p.name() + "'").collect(Collectors.joining(","));
  }

  @Override
  public List<ClaimedMessage> claim(int limit, Instant now, Instant leaseUntil) {
    if (platformList.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        em -> {
          Connection connection = em.unwrap(Connection.class);
          try {
            List<ClaimedMessage> claimed = selectDue(connection, limit, now, leaseUntil);
            lease(connection, claimed, leaseUntil);
            return claimed;
          } catch (SQLException e) {
            throw new IllegalStateException("could not claim outbox messages", e);
          }
        });
  }

  private List<ClaimedMessage> selectDue(
      Connection connection, int limit, Instant now, Instant leaseUntil) throws SQLException {
    String select =
        "SELECT id, workspace_id, dedup_key, platform, payload, attempts, attempt_started_at"
            + " FROM outbox_message"
            + " WHERE state = 'QUEUED' AND not_before <= ?"
            + " AND (lease_until IS NULL OR lease_until <= ?)"
            + " AND platform IN ("
            + platformList
            + ") ORDER BY not_before, created_at, id LIMIT ?"
            + (db.isSqlite() ? "" : " FOR UPDATE SKIP LOCKED");
    List<ClaimedMessage> claimed = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(select)) {
      ps.setLong(1, now.toEpochMilli());
      ps.setLong(2, now.toEpochMilli());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          claimed.add(
              new ClaimedMessage(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  Platform.valueOf(rs.getString(4)),
                  rs.getString(5),
                  rs.getInt(6),
                  leaseUntil,
                  instantOrNull(rs, 7)));
        }
      }
    }
    return claimed;
  }

  private void lease(Connection connection, List<ClaimedMessage> claimed, Instant leaseUntil)
      throws SQLException {
    if (claimed.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE outbox_message SET lease_owner = ?, lease_until = ?,"
                + " version = version + 1 WHERE id = ?")) {
      for (ClaimedMessage c : claimed) {
        ps.setString(1, instanceId);
        ps.setLong(2, leaseUntil.toEpochMilli());
        ps.setLong(3, c.id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public boolean startAttempt(ClaimedMessage claimed, Instant now, Instant holdsUntil) {
    return update(
            "UPDATE outbox_message SET attempt_started_at = COALESCE(attempt_started_at, ?),"
                + " version = version + 1 WHERE id = ? AND state = 'QUEUED' AND lease_owner = ?"
                + " AND lease_until = ? AND lease_until > ?",
            ps -> {
              ps.setLong(1, now.toEpochMilli());
              ps.setLong(2, claimed.id());
              ps.setString(3, instanceId);
              ps.setLong(4, claimed.leaseUntil().toEpochMilli());
              ps.setLong(5, holdsUntil.toEpochMilli());
            })
        == 1;
  }

  @Override
  public void markDelivered(ClaimedMessage claimed, String ref, Instant at) {
    update(
        "UPDATE outbox_message SET state = 'DELIVERED', delivered_at = ?, attempts = attempts + 1,"
            + " last_error = NULL, delivery_ref = ?, lease_owner = NULL, lease_until = NULL,"
            + " attempt_started_at = NULL,"
            + " version = version + 1 WHERE id = ? AND state = 'QUEUED'",
        ps -> {
          ps.setLong(1, at.toEpochMilli());
          ps.setString(2, ref == null ? null : truncate(ref, MAX_REF_LENGTH));
          ps.setLong(3, claimed.id());
        });
  }

  @Override
  public void markDead(
      ClaimedMessage claimed, String error, boolean countAttempt, boolean outcomeUnknown) {
    update(
        "UPDATE outbox_message SET state = 'DEAD', attempts = attempts + ?, last_error = ?,"
            + " lease_owner = NULL, lease_until = NULL,"
            + (outcomeUnknown ? "" : " attempt_started_at = NULL,")
            + " version = version + 1 WHERE id = ? AND state = 'QUEUED'",
        ps -> {
          ps.setInt(1, countAttempt ? 1 : 0);
          ps.setString(2, truncate(error, MAX_ERROR_LENGTH));
          ps.setLong(3, claimed.id());
        });
  }

  @Override
  public void defer(ClaimedMessage claimed, Instant at, String error, boolean countAttempt) {
    update(
        "UPDATE outbox_message SET not_before = ?, attempts = attempts + ?,"
            + " last_error = COALESCE(?, last_error), lease_owner = NULL, lease_until = NULL,"
            + " version = version + 1 WHERE id = ? AND state = 'QUEUED' AND lease_owner = ?",
        ps -> {
          ps.setLong(1, at.toEpochMilli());
          ps.setInt(2, countAttempt ? 1 : 0);
          ps.setString(3, error == null ? null : truncate(error, MAX_ERROR_LENGTH));
          ps.setLong(4, claimed.id());
          ps.setString(5, instanceId);
        });
  }

  @Override
  public void deferAnswered(ClaimedMessage claimed, Instant at, String error) {
    update(
        "UPDATE outbox_message SET not_before = ?, last_error = ?, lease_owner = NULL,"
            + " lease_until = NULL, attempt_started_at = NULL, version = version + 1"
            + " WHERE id = ? AND state = 'QUEUED' AND lease_owner = ?",
        ps -> {
          ps.setLong(1, at.toEpochMilli());
          ps.setString(2, truncate(error, MAX_ERROR_LENGTH));
          ps.setLong(3, claimed.id());
          ps.setString(4, instanceId);
        });
  }

  @Override
  public int releaseLeases(String owner, Instant lapsedBy) {
    String sql =
        "UPDATE outbox_message SET lease_owner = NULL, lease_until = NULL, version = version + 1"
            + " WHERE state = 'QUEUED' AND lease_until IS NOT NULL"
            + (owner == null ? "" : " AND lease_owner = ?")
            + (lapsedBy == null ? "" : " AND lease_until <= ?");
    return update(
        sql,
        ps -> {
          int i = 1;
          if (owner != null) {
            ps.setString(i++, owner);
          }
          if (lapsedBy != null) {
            ps.setLong(i, lapsedBy.toEpochMilli());
          }
        });
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int update(String sql, Binder binder) {
    return db.inTransaction(
        em -> {
          try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
          } catch (SQLException e) {
            throw new IllegalStateException("outbox update failed: " + e.getMessage(), e);
          }
        });
  }

  private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
