package io.tandem.bench;

import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The baseline of {@link ThroughputBenchmark}: a plain JDBC program that does, per command, what a
 * {@code /tandem log} needs (nine indexed reads: workspace, member, participant, program, pair, the
 * person's home flag in the signal log, session totals, the request's inbox row, the signal id
 * block; then three inserts: one session, one note, one signal) in its own transaction each, on a
 * connection of the same pool, so with the same SQLite file and settings (WAL, {@code
 * synchronous=NORMAL}, {@code BEGIN IMMEDIATE}). One thread: SQLite has one writer.
 */
final class JdbcLogBaseline {

  private static final long ID_BASE = 2_000_000_000L;

  private JdbcLogBaseline() {}

  /** Runs for {@code length}; returns the transactions committed a second. */
  static double run(Database db, String teamId, List<String> userIds, Duration length)
      throws SQLException {
    long deadline = System.nanoTime() + length.toNanos();
    long started = System.nanoTime();
    long done = 0;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      while (System.nanoTime() < deadline) {
        oneCommand(c, teamId, userIds.get((int) (done % userIds.size())), done);
        c.commit();
        done++;
      }
      c.setAutoCommit(true);
    }
    return done / ((System.nanoTime() - started) / 1e9);
  }

  // Long because it replays one `log`'s reads and writes in the order Tandem runs them.
  private static void oneCommand(Connection c, String teamId, String userId, long n)
      throws SQLException {
    long now = System.currentTimeMillis();
    long workspace =
        one(c, "SELECT id FROM workspace WHERE platform = 'SLACK' AND external_id = ?", teamId);
    long member =
        one(c, "SELECT id FROM member WHERE workspace_id = ? AND user_id = ?", workspace, userId);
    long participant =
        one(
            c,
            "SELECT id FROM participant WHERE member_id = ? ORDER BY joined_at" + " DESC LIMIT 1",
            member);
    long program = one(c, "SELECT program_id FROM participant WHERE id = ?", participant);
    one(
        c,
        "SELECT COUNT(*) FROM mentoring_pair WHERE (mentor_id = ? OR mentee_id = ?)"
            + " AND ended_at IS NULL",
        participant,
        participant);
    one(
        c,
        "SELECT COUNT(*) FROM signal WHERE actor_member_id = ? AND type = 'HOME_OPENED'",
        member);
    one(
        c,
        "SELECT COUNT(*) + COALESCE(SUM(minutes), 0) FROM mentoring_session"
            + " WHERE participant_id = ?",
        participant);
    one(c, "SELECT COUNT(*) FROM inbox WHERE delivery_key = ?", "baseline-" + n);
    one(c, "SELECT next_val FROM id_gen WHERE name = 'signal'");
    long id = ID_BASE + n;
    update(
        c,
        "INSERT INTO mentoring_session (id, workspace_id, program_id, participant_id,"
            + " occurred_at, minutes, topic) VALUES (?, ?, ?, ?, ?, 45, ?)",
        id,
        workspace,
        program,
        participant,
        now,
        "baseline-" + n);
    update(
        c,
        "INSERT INTO session_note (id, workspace_id, session_id, participant_id, minutes,"
            + " topic, created_at, updated_at) VALUES (?, ?, ?, ?, 45, ?, ?, ?)",
        id,
        workspace,
        id,
        participant,
        "baseline-" + n,
        now,
        now);
    update(
        c,
        "INSERT INTO signal (id, workspace_id, type, actor_member_id, program_id,"
            + " participant_id, occurred_at, details) VALUES (?, ?, 'SESSION_LOGGED', ?, ?, ?, ?,"
            + " '{\"minutes\":45}')",
        id,
        workspace,
        member,
        program,
        participant,
        now);
  }

  private static long one(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement st = prepared(c, sql, params);
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement st = prepared(c, sql, params)) {
      st.executeUpdate();
    }
  }

  private static PreparedStatement prepared(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      st.setObject(i + 1, params[i]);
    }
    return st;
  }
}
