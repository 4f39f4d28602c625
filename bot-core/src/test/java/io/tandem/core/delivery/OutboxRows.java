package io.tandem.core.delivery;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers: a workspace to queue under, and the outbox rows as plain JDBC sees them. */
final class OutboxRows {

  /** One outbox row, including the lease columns the entity does not map. */
  record Row(
      String dedupKey,
      String state,
      int attempts,
      Instant notBefore,
      String lastError,
      String leaseOwner,
      Long leaseUntil,
      String deliveryRef,
      String payload,
      Long attemptStartedAt) {}

  private final Database db;
  private final Clock clock;
  final long workspaceId;

  OutboxRows(Database db, Clock clock, Platform platform) {
    this.db = db;
    this.clock = clock;
    this.workspaceId =
        db.inTransaction(
                em -> new Store(em).add(new Workspace(platform, "T-" + platform, clock.instant())))
            .getId();
  }

  boolean queue(Platform platform, String key, ChatTarget target, Reply reply) {
    Instant now = clock.instant();
    return db.inTransactionRetryingConflicts(
        em -> Outbox.queue(new Store(em), workspaceId, platform, key, target, reply, now, now));
  }

  boolean queueDm(String key, String userId) {
    return queue(
        Platform.SLACK, key, new ChatTarget.DirectMessage(userId), Reply.info(key, List.of()));
  }

  Row row(String key) {
    return find(key).orElseThrow(() -> new AssertionError("no outbox row " + key));
  }

  Optional<Row> find(String key) {
    return all().stream().filter(r -> r.dedupKey().equals(key)).findFirst();
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  List<Row> all() {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT dedup_key, state, attempts, not_before, last_error, lease_owner,"
                    + " lease_until, delivery_ref, payload, attempt_started_at FROM outbox_message"
                    + " ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<Row> rows = new ArrayList<>();
      while (rs.next()) {
        long leaseUntil = rs.getLong(7);
        rows.add(
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                rs.getString(6),
                rs.wasNull() ? null : leaseUntil,
                rs.getString(8),
                rs.getString(9),
                longOrNull(rs, 10)));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
