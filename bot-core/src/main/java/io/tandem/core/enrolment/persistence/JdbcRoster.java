package io.tandem.core.enrolment.persistence;

import io.tandem.core.enrolment.Roster;
import io.tandem.core.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Roster} in plain JDBC on the transaction's own connection. An import replaces a whole
 * roster, tens of thousands of rows, in one go: the ids are reserved as one block of the {@code
 * id_gen} counter the entities use, and the rows go in as one batched insert. JPA would persist and
 * track every row as a managed entity and flush them one statement at a time, which is several
 * times slower for no gain (nothing reads the rows back in this transaction).
 */
public final class JdbcRoster implements Roster {

  private final Store store;
  private final boolean sqlite;

  public JdbcRoster(Store store, boolean sqlite) {
    this.store = store;
    this.sqlite = sqlite;
  }

  private Connection connection() {
    // rows the entity manager holds (a workspace added just now) must reach the connection first
    store.flush();
    return store.entityManager().unwrap(Connection.class);
  }

  @Override
  public Map<String, String> userOfEmail(long workspaceId) {
    Map<String, String> userOfEmail = new HashMap<>();
    // rows come with the one to win last, later ones replacing earlier ones
    try (PreparedStatement ps =
        connection()
            .prepareStatement(
                "SELECT email, user_id FROM member WHERE workspace_id = ? AND email IS NOT NULL"
                    + " ORDER BY CASE WHEN left_at IS NULL THEN 1 ELSE 0 END, updated_at, id")) {
      ps.setLong(1, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          userOfEmail.put(rs.getString(1), rs.getString(2));
        }
      }
      return userOfEmail;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  @Override
  public int replace(long workspaceId, List<Entry> entries, List<String> userIds, long importedAt) {
    Connection c = connection();
    try {
      int replaced;
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM roster_entry WHERE workspace_id = ?")) {
        ps.setLong(1, workspaceId);
        replaced = ps.executeUpdate();
      }
      long first = reserveIds(c, entries.size());
      insert(c, workspaceId, entries, userIds, importedAt, first);
      return replaced;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Takes {@code count} ids off the roster's counter; returns the first. */
  private long reserveIds(Connection c, int count) throws SQLException {
    long first;
    // SQLite's write transaction holds the lock already and knows no FOR UPDATE
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT next_val FROM id_gen WHERE name = 'roster_entry'"
                    + (sqlite ? "" : " FOR UPDATE"));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      first = rs.getLong(1) + 1;
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE id_gen SET next_val = ? WHERE name = 'roster_entry'")) {
      ps.setLong(1, first - 1 + count);
      ps.executeUpdate();
    }
    return first;
  }

  private static void insert(
      Connection c,
      long workspaceId,
      List<Entry> entries,
      List<String> userIds,
      long importedAt,
      long first)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO roster_entry (id, workspace_id, employee, user_id, hire_date,"
                + " exit_date, department, seniority_band, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      long id = first;
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        String userId = userIds.get(i);
        ps.setLong(1, id++);
        ps.setLong(2, workspaceId);
        ps.setString(3, e.employee());
        if (userId == null) {
          ps.setNull(4, Types.VARCHAR);
        } else {
          ps.setString(4, userId);
        }
        ps.setString(5, e.hired().toString());
        if (e.left() == null) {
          ps.setNull(6, Types.VARCHAR);
        } else {
          ps.setString(6, e.left().toString());
        }
        ps.setString(7, e.department());
        ps.setInt(8, e.band());
        ps.setLong(9, importedAt);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("could not store the roster: " + e.getMessage(), e);
  }
}
