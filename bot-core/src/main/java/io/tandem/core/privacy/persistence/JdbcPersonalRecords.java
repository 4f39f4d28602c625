package io.tandem.core.privacy.persistence;

import io.tandem.core.privacy.PersonalRecords;
import io.tandem.core.privacy.persistence.PersonalDataRows.Person;
import io.tandem.core.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@link PersonalRecords} in plain JDBC on the connection of the store's transaction. */
public final class JdbcPersonalRecords implements PersonalRecords {

  private final Store store;

  public JdbcPersonalRecords(Store store) {
    this.store = store;
  }

  private Connection connection() {
    return store.entityManager().unwrap(Connection.class);
  }

  @Override
  public Map<String, List<Map<String, Object>>> export(Person person) {
    try {
      return new PersonalDataRows(connection(), person).export();
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the person's data", e);
    }
  }

  @Override
  public Map<String, Integer> erase(Person person, String pseudonym, String emptyPayload) {
    try {
      return new PersonalDataRows(connection(), person).erase(pseudonym, emptyPayload);
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase the person's data", e);
    }
  }

  @Override
  public void audit(long workspaceId, Instant at, String by, int rows) {
    try (PreparedStatement ps =
        connection()
            .prepareStatement(
                "INSERT INTO erasure_audit (workspace_id, erased_at, erased_by, rows_changed)"
                    + " VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, workspaceId);
      ps.setLong(2, at.toEpochMilli());
      ps.setString(3, by.length() > 100 ? by.substring(0, 100) : by);
      ps.setInt(4, rows);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not erase the person's data", e);
    }
  }

  @Override
  public int clearPrivateNotes(Instant before) {
    try (PreparedStatement ps =
        connection()
            .prepareStatement(
                "UPDATE session_note SET private_note = '' WHERE private_note <> ''"
                    + " AND created_at < ?")) {
      ps.setLong(1, before.toEpochMilli());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("the retention sweep failed", e);
    }
  }

  @Override
  public int emptyDeliveredFiles(
      String keyPrefix, Instant before, Function<String, String> emptied) {
    Connection c = connection();
    try {
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, recipient_user_id FROM outbox_message WHERE dedup_key LIKE ?"
                  + " AND state = 'DELIVERED' AND delivered_at < ?"
                  + " AND payload LIKE '%\"files\"%'")) {
        ps.setString(1, keyPrefix + "%");
        ps.setLong(2, before.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new Object[] {rs.getLong(1), rs.getString(2)});
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE outbox_message SET payload = ? WHERE id = ?")) {
        for (Object[] row : rows) {
          ps.setString(1, emptied.apply((String) row[1]));
          ps.setLong(2, (Long) row[0]);
          ps.executeUpdate();
        }
      }
      return rows.size();
    } catch (SQLException e) {
      throw new IllegalStateException("the retention sweep failed", e);
    }
  }
}
