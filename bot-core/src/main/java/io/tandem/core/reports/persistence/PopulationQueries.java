package io.tandem.core.reports.persistence;

import io.tandem.core.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's questions about the people around a program rather than its pairs: who takes part by
 * profile, and who stayed (from the roster, or from the workspace's members). Plain JDBC on the
 * connection of the caller's transaction; not thread-safe.
 */
public final class PopulationQueries {

  private final SqlRows sql;

  public PopulationQueries(Connection connection) {
    this.sql = new SqlRows(connection);
  }

  /** The queries on the connection of the store's transaction. */
  public static PopulationQueries in(Store store) {
    return new PopulationQueries(store.entityManager().unwrap(Connection.class));
  }

  /** People in pairs active in the period, by one profile column and role. */
  public Map<String, long[]> mix(long programId, String column, Instant from, Instant to) {
    if (!List.of("department", "seniority_band", "communication").contains(column)) {
      throw new IllegalArgumentException("not a mix column: " + column);
    }
    String pairs =
        " FROM mentoring_pair WHERE program_id = ? AND status <> 'PROPOSED' AND created_at < ?"
            + " AND (ended_at IS NULL OR ended_at >= ?)";
    Map<String, long[]> groups = new HashMap<>();
    sql.forEachRow(
        "SELECT x."
            + column
            + ", x.role, COUNT(*) FROM participant x WHERE x.program_id = ? AND x.id IN"
            + " (SELECT mentor_id"
            + pairs
            + " UNION SELECT mentee_id"
            + pairs
            + ") GROUP BY x."
            + column
            + ", x.role",
        List.of(
            programId,
            programId,
            to.toEpochMilli(),
            from.toEpochMilli(),
            programId,
            to.toEpochMilli(),
            from.toEpochMilli()),
        rs -> {
          String value = rs.getString(1);
          long[] byRole = groups.computeIfAbsent(value == null ? "" : value, k -> new long[2]);
          byRole["MENTOR".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
        });
    return groups;
  }

  public long rosterSize(long workspaceId) {
    return sql.count("SELECT COUNT(*) FROM roster_entry WHERE workspace_id = ?", workspaceId);
  }

  /**
   * Roster retention: people employed on {@code fromDay} in the departments and bands where the
   * program has participants, split by taking part; retained = still employed on {@code toDay}.
   * Returns {participants, retained participants, others, retained others}.
   */
  public long[] rosterRetention(long workspaceId, long programId, String fromDay, String toDay) {
    long[] result = new long[4];
    sql.forEachRow(
        "SELECT CASE WHEN "
            + takesPart("r")
            + " THEN 1 ELSE 0 END AS part, COUNT(*),"
            + " SUM(CASE WHEN r.exit_date IS NULL OR r.exit_date > ? THEN 1 ELSE 0 END)"
            + " FROM roster_entry r WHERE r.workspace_id = ? AND r.hire_date <= ?"
            + " AND (r.exit_date IS NULL OR r.exit_date >= ?)"
            + " AND EXISTS (SELECT 1 FROM roster_entry s WHERE s.workspace_id = r.workspace_id"
            + " AND s.department = r.department AND s.seniority_band = r.seniority_band"
            + " AND "
            + takesPart("s")
            + ") GROUP BY 1",
        List.of(programId, toDay, workspaceId, fromDay, fromDay, programId),
        rs -> retentionRow(rs, result));
    return result;
  }

  /**
   * The proxy without a roster: members of the workspace known before {@code to} and not gone
   * before {@code from}, split by taking part (joined before {@code to}); retained = not seen
   * leaving before {@code to}. Same layout as {@link #rosterRetention}.
   */
  public long[] memberRetention(long workspaceId, long programId, Instant from, Instant to) {
    long[] result = new long[4];
    sql.forEachRow(
        "SELECT CASE WHEN p.id IS NULL THEN 0 ELSE 1 END AS part, COUNT(*),"
            + " SUM(CASE WHEN m.left_at IS NULL OR m.left_at >= ? THEN 1 ELSE 0 END)"
            + " FROM member m LEFT JOIN participant p ON p.member_id = m.id"
            + " AND p.program_id = ? AND p.status <> 'WAITLISTED' AND p.joined_at < ?"
            + " WHERE m.workspace_id = ? AND m.created_at < ?"
            + " AND (m.left_at IS NULL OR m.left_at >= ?)"
            + " GROUP BY 1",
        List.of(
            to.toEpochMilli(),
            programId,
            to.toEpochMilli(),
            workspaceId,
            to.toEpochMilli(),
            from.toEpochMilli()),
        rs -> retentionRow(rs, result));
    return result;
  }

  /** Files one {part, people, retained} row of a retention query into its half of the result. */
  private static void retentionRow(ResultSet rs, long[] result) throws SQLException {
    int at = rs.getInt(1) == 1 ? 0 : 2;
    result[at] = rs.getLong(2);
    result[at + 1] = rs.getLong(3);
  }

  /**
   * Whether the roster row aliased {@code alias} is a participant of the program (one parameter).
   */
  private static String takesPart(String alias) {
    return "EXISTS (SELECT 1 FROM member m JOIN participant p ON p.member_id = m.id"
        + " WHERE m.workspace_id = "
        + alias
        + ".workspace_id AND m.user_id = "
        + alias
        + ".user_id AND p.program_id = ? AND p.status <> 'WAITLISTED')";
  }
}
