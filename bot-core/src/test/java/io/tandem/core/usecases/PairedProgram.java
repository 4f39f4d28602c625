package io.tandem.core.usecases;

import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** A running program full of pairs, written fast, for tests that count what grows with them. */
public final class PairedProgram {

  private PairedProgram() {}

  /**
   * Writes, with plain JDBC, one Slack workspace {@code T_ACME} with one admin ({@code U0MAYA}),
   * one running default program "Pilot" meeting every 14 days, and {@code pairs} active pairs made
   * at {@code at}: 2 × pairs people {@code U1}, {@code U2}… in UTC, mentors odd, mentees even. Ids
   * drawn by Tandem afterwards start at 1 000 000.
   */
  public static void seed(Database db, int pairs, Instant at) throws SQLException {
    long paired = at.toEpochMilli();
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO workspace (id, platform, external_id, created_at)"
                + " VALUES (1, 'SLACK', 'T_ACME', 0)");
        st.executeUpdate(
            "INSERT INTO program (id, workspace_id, name, cadence_days, status, is_default,"
                + " created_at) VALUES (1, 1, 'Pilot', 14, 'RUNNING', TRUE, 0)");
        st.executeUpdate(
            "INSERT INTO workspace_admin (workspace_id, user_id, first_seen_at)"
                + " VALUES (1, 'U0MAYA', 0)");
        st.executeUpdate("UPDATE id_gen SET next_val = 1000000");
      }
      try (PreparedStatement member =
              c.prepareStatement(
                  "INSERT INTO member (id, workspace_id, user_id, display_name, time_zone,"
                      + " created_at, updated_at) VALUES (?, 1, ?, ?, 'UTC', 0, 0)");
          PreparedStatement participant =
              c.prepareStatement(
                  "INSERT INTO participant (id, workspace_id, program_id, member_id, role,"
                      + " status, joined_at, time_zone) VALUES (?, 1, 1, ?, ?, 'ACTIVE', 0,"
                      + " 'UTC')");
          PreparedStatement pair =
              c.prepareStatement(
                  "INSERT INTO mentoring_pair (id, workspace_id, program_id, mentor_id,"
                      + " mentee_id, status, score, reasons, created_at)"
                      + " VALUES (?, 1, 1, ?, ?, 'ACTIVE', 70, '[]', ?)")) {
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
        }
        member.executeBatch();
        participant.executeBatch();
        pair.executeBatch();
      }
      c.commit();
    }
  }
}
