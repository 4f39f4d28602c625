package io.tandem.bench;

import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The database a throughput run starts from, beside the enrolment it shares with the intake run.
 */
final class ThroughputData {

  private ThroughputData() {}

  /** The enrolment's welcome DMs count as sent: the run measures commands, not their delivery. */
  static void settleWelcomes(Database db) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE outbox_message SET state = 'DELIVERED'");
    }
  }

  /**
   * The SQLite settings a connection of {@code db}'s pool runs with, as SQLite reports them: the
   * JDBC baseline's, to set beside the URL Tandem opened its database with.
   */
  static String pragmas(Database db) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = db.dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      for (String pragma : new String[] {"journal_mode", "synchronous", "busy_timeout"}) {
        try (java.sql.ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
          rs.next();
          String value = rs.getString(1);
          out.append(out.length() == 0 ? "" : ", ").append(pragma).append('=').append(value);
          out.append(pragma.equals("synchronous") ? " (" + synchronousName(value) + ")" : "");
        }
      }
    }
    return out.toString();
  }

  private static String synchronousName(String level) {
    return switch (level) {
      case "0" -> "OFF";
      case "1" -> "NORMAL";
      case "2" -> "FULL";
      case "3" -> "EXTRA";
      default -> "?";
    };
  }

  /** Drops V14's index on the signal log, to measure the commands as they ran before it. */
  static void dropActorIndex(String dbUrl) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection(dbUrl);
        java.sql.Statement st = c.createStatement()) {
      st.execute("DROP INDEX ix_signal_actor_type");
    }
  }

  /**
   * A history of {@code count} signals by the enrolled people, in one statement; none of them is a
   * {@code HOME_OPENED}, so a query for one that scans reads them all.
   */
  static void addSignals(Database db, int count) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),"
                    + " m AS (SELECT MIN(id) AS lo, COUNT(*) AS k, MIN(workspace_id) AS w"
                    + " FROM member), p AS (SELECT MIN(id) AS id FROM program)"
                    + " INSERT INTO signal (id, workspace_id, type, actor_member_id, program_id,"
                    + " participant_id, pair_id, occurred_at, details)"
                    + " SELECT -i, m.w, CASE i % 4 WHEN 0 THEN 'SESSION_LOGGED'"
                    + " WHEN 1 THEN 'STATUS_VIEWED' WHEN 2 THEN 'REMINDER_SENT'"
                    + " ELSE 'FORM_OPENED' END, m.lo + i % m.k, p.id, NULL, NULL,"
                    + " 1767225600000 + i * 1000, '{}' FROM n, m, p")) {
      st.setInt(1, count);
      st.executeUpdate();
    }
  }
}
