package io.tandem.bench;

import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pairs {@link ReminderPassBenchmark} reminds, written straight into a migrated SQLite file,
 * and the baseline pass: plain JDBC reading the same rows and writing the same outbox rows and
 * signals in transactions of the same size.
 *
 * <p>One workspace ({@code T_BENCH}) with one admin, one running program meeting every 14 days,
 * {@code pairs} active pairs made on Monday {@link #PAIRED}, everyone in UTC hearing from Tandem at
 * 10:00, and two sessions per pair logged before they were paired (so the latest-session aggregate
 * has rows to read but every pair's round starts at pairing).
 */
final class ReminderPassData {

  static final Instant PAIRED = Instant.parse("2026-03-02T15:00:00Z");

  /** Two hours after pairing: nothing is due. */
  static final Instant NOTHING_DUE = PAIRED.plus(Duration.ofHours(2));

  /** Monday of slot 1 at 10:00 UTC: both people of every pair are reminded. */
  static final Instant ALL_DUE = Instant.parse("2026-03-16T10:00:00Z");

  /**
   * Monday of slot 2 at 10:00 UTC: both people of every pair are reminded again and get the second
   * nudge (no session was logged).
   */
  static final Instant SECOND_DUE = Instant.parse("2026-03-30T10:00:00Z");

  private static final long DAY = 86_400_000L;
  private static final int PAIRS_PER_BATCH = 200;
  private static final int KEYS_PER_QUERY = 500;

  private ReminderPassData() {}

  static void seed(Database db, int pairs) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO workspace (id, platform, external_id, created_at)"
                + " VALUES (1, 'SLACK', 'T_BENCH', 0)");
        st.executeUpdate(
            "INSERT INTO program (id, workspace_id, name, cadence_days, status, is_default,"
                + " created_at) VALUES (1, 1, 'Bench', 14, 'RUNNING', TRUE, 0)");
        st.executeUpdate(
            "INSERT INTO workspace_admin (workspace_id, user_id, first_seen_at)"
                + " VALUES (1, 'U0ADMIN', 0)");
        st.executeUpdate("UPDATE id_gen SET next_val = 10000000");
      }
      people(c, pairs);
      c.commit();
    }
  }

  /** 2 × pairs members and participants, the pairs, and two sessions per pair. */
  private static void people(Connection c, int pairs) throws SQLException {
    long paired = PAIRED.toEpochMilli();
    try (PreparedStatement member =
            c.prepareStatement(
                "INSERT INTO member (id, workspace_id, user_id, display_name, time_zone,"
                    + " created_at, updated_at) VALUES (?, 1, ?, ?, 'UTC', 0, 0)");
        PreparedStatement participant =
            c.prepareStatement(
                "INSERT INTO participant (id, workspace_id, program_id, member_id, role, status,"
                    + " joined_at, time_zone) VALUES (?, 1, 1, ?, ?, 'ACTIVE', 0, 'UTC')");
        PreparedStatement pair =
            c.prepareStatement(
                "INSERT INTO mentoring_pair (id, workspace_id, program_id, mentor_id, mentee_id,"
                    + " status, score, reasons, created_at) VALUES (?, 1, 1, ?, ?, 'ACTIVE', 70,"
                    + " '[]', ?)");
        PreparedStatement session =
            c.prepareStatement(
                "INSERT INTO mentoring_session (id, workspace_id, program_id, participant_id,"
                    + " occurred_at, minutes, topic, pair_id, local_date, number)"
                    + " VALUES (?, 1, 1, ?, ?, 45, 'bench', ?, ?, ?)")) {
      for (int i = 1; i <= 2 * pairs; i++) {
        member.setLong(1, i);
        member.setString(2, "U" + i);
        member.setString(3, "Person " + i);
        member.addBatch();
        participant.setLong(1, i);
        participant.setLong(2, i);
        participant.setString(3, i % 2 == 1 ? "MENTOR" : "MENTEE");
        participant.addBatch();
      }
      for (int p = 1; p <= pairs; p++) {
        pair.setLong(1, p);
        pair.setLong(2, 2L * p - 1);
        pair.setLong(3, 2L * p);
        pair.setLong(4, paired);
        pair.addBatch();
        for (int s = 1; s <= 2; s++) {
          long at = paired - (8 - s) * DAY;
          session.setLong(1, 2L * p + s);
          session.setLong(2, 2L * p - 1);
          session.setLong(3, at);
          session.setLong(4, p);
          session.setString(5, Instant.ofEpochMilli(at).toString().substring(0, 10));
          session.setInt(6, s);
          session.addBatch();
        }
      }
      member.executeBatch();
      participant.executeBatch();
      pair.executeBatch();
      session.executeBatch();
    }
  }

  /**
   * Undoes what a pass wrote (its outbox rows, signals, agendas and at-risk marks; the seed writes
   * none of these), so that the same pass can be timed again from the same due state.
   */
  static void undoPass(Database db) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate("DELETE FROM outbox_message");
        st.executeUpdate("DELETE FROM signal");
        st.executeUpdate("DELETE FROM pair_agenda");
        st.executeUpdate("UPDATE mentoring_pair SET at_risk_at = NULL");
      }
      c.commit();
    }
  }

  /**
   * The baseline: what the reminder pass must do at {@code at}, in plain JDBC. One read of every
   * active pair with both people and its latest session, the due reminders decided in Java (each
   * person at 10:00 UTC on the slot's day, for a day), one look-up per 500 keys, and the outbox
   * rows and signals written in transactions of 200 pairs with batched inserts.
   *
   * @param payload the outbox payload each reminder carries (as long as Tandem's)
   * @return how many reminders it queued
   */
  static int jdbcPass(Database db, Instant at, String payload) throws SQLException {
    List<String[]> due = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT pr.id, pr.created_at, ma.user_id, mb.user_id, a.id, b.id, ma.id, mb.id,"
                    + " (SELECT MAX(s.occurred_at) FROM mentoring_session s"
                    + " WHERE s.pair_id = pr.id)"
                    + " FROM mentoring_pair pr JOIN program pg ON pg.id = pr.program_id"
                    + " JOIN participant a ON a.id = pr.mentor_id"
                    + " JOIN member ma ON ma.id = a.member_id"
                    + " JOIN participant b ON b.id = pr.mentee_id"
                    + " JOIN member mb ON mb.id = b.member_id"
                    + " WHERE pr.status = 'ACTIVE' AND pg.status = 'RUNNING'"
                    + " AND a.status = 'ACTIVE' AND b.status = 'ACTIVE' ORDER BY pr.id")) {
      while (rs.next()) {
        long base = Math.max(rs.getLong(2), rs.getLong(9));
        long slot = base + 14 * DAY;
        long send = slot - Math.floorMod(slot, DAY) + 10 * 3_600_000L;
        if (send <= at.toEpochMilli() && at.toEpochMilli() < send + DAY) {
          String day = Instant.ofEpochMilli(slot).toString().substring(0, 10);
          for (int person = 0; person < 2; person++) {
            due.add(
                new String[] {
                  rs.getString(1),
                  "reminder:" + rs.getString(1) + ":" + day + ":" + rs.getString(3 + person),
                  rs.getString(3 + person),
                  rs.getString(5 + person),
                  rs.getString(7 + person),
                  Long.toString(send)
                });
          }
        }
      }
    }
    return write(db, due, at, payload);
  }

  private static int write(Database db, List<String[]> due, Instant at, String payload)
      throws SQLException {
    int written = 0;
    long id = 20_000_000L;
    int perBatch = 2 * PAIRS_PER_BATCH;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      for (int from = 0; from < due.size(); from += perBatch) {
        List<String[]> batch = due.subList(from, Math.min(due.size(), from + perBatch));
        Set<String> taken = taken(c, batch);
        try (PreparedStatement outbox =
                c.prepareStatement(
                    "INSERT INTO outbox_message (id, workspace_id, dedup_key, platform,"
                        + " recipient_user_id, payload, not_before, state, created_at)"
                        + " VALUES (?, 1, ?, 'SLACK', ?, ?, ?, 'QUEUED', ?)");
            PreparedStatement signal =
                c.prepareStatement(
                    "INSERT INTO signal (id, workspace_id, type, actor_member_id, program_id,"
                        + " participant_id, pair_id, occurred_at, details)"
                        + " VALUES (?, 1, 'REMINDER_SENT', ?, 1, ?, ?, ?, '{}')")) {
          for (String[] row : batch) {
            if (taken.contains(row[1])) {
              continue;
            }
            id++;
            outbox.setLong(1, id);
            outbox.setString(2, row[1]);
            outbox.setString(3, row[2]);
            outbox.setString(4, payload);
            outbox.setLong(5, Long.parseLong(row[5]));
            outbox.setLong(6, at.toEpochMilli());
            outbox.addBatch();
            signal.setLong(1, id);
            signal.setLong(2, Long.parseLong(row[4]));
            signal.setLong(3, Long.parseLong(row[3]));
            signal.setLong(4, Long.parseLong(row[0]));
            signal.setLong(5, at.toEpochMilli());
            signal.addBatch();
            written++;
          }
          outbox.executeBatch();
          signal.executeBatch();
        }
        c.commit();
      }
    }
    return written;
  }

  private static Set<String> taken(Connection c, List<String[]> batch) throws SQLException {
    Set<String> taken = new HashSet<>();
    for (int from = 0; from < batch.size(); from += KEYS_PER_QUERY) {
      List<String[]> part = batch.subList(from, Math.min(batch.size(), from + KEYS_PER_QUERY));
      try (PreparedStatement st =
          c.prepareStatement(
              "SELECT dedup_key FROM outbox_message WHERE dedup_key IN ("
                  + "?,".repeat(part.size() - 1)
                  + "?)")) {
        for (int i = 0; i < part.size(); i++) {
          st.setString(i + 1, part.get(i)[1]);
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            taken.add(rs.getString(1));
          }
        }
      }
    }
    return taken;
  }
}
