package io.tandem.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts by table name, in plain numbers, for tests of any module (adapters must not touch
 * entities) and for operators' diagnostics. Reads with plain JDBC outside any transaction.
 */
public final class StoreStats {

  /** The tables Tandem's use cases write, in dependency order. */
  public static final List<String> TABLES =
      List.of(
          "workspace",
          "member",
          "program",
          "participant",
          "mentoring_session",
          "signal",
          "outbox_message",
          "mentoring_pair",
          "exclusion",
          "session_note",
          "goal",
          "goal_task",
          "skill_rating",
          "program_admin");

  private StoreStats() {}

  /**
   * Rows in one table.
   *
   * @param table one of {@link #TABLES} or {@value Migrations#HISTORY_TABLE}
   */
  public static long count(Database db, String table) {
    if (!TABLES.contains(table) && !Migrations.HISTORY_TABLE.equals(table)) {
      throw new IllegalArgumentException("unknown table " + table + "; known: " + TABLES);
    }
    try (Connection connection = db.dataSource().getConnection();
        Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count " + table + ": " + e.getMessage(), e);
    }
  }

  /** Rows in every table of {@link #TABLES}, in that order. */
  public static Map<String, Long> counts(Database db) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, count(db, table));
    }
    return counts;
  }
}
