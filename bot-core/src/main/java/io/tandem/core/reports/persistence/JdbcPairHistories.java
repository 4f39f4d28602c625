package io.tandem.core.reports.persistence;

import io.tandem.core.reports.OpenDashboard.Meeting;
import io.tandem.core.reports.OpenDashboard.PairHistory;
import io.tandem.core.reports.PairHistories;
import io.tandem.core.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link PairHistories} as three indexed queries on the caller's connection. */
public final class JdbcPairHistories implements PairHistories {

  private final Store store;

  public JdbcPairHistories(Store store) {
    this.store = store;
  }

  @Override
  public PairHistory of(long programId, long pairId) {
    Connection c = store.entityManager().unwrap(Connection.class);
    try {
      List<Meeting> meetings = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT occurred_at, minutes FROM mentoring_session"
                  + " WHERE pair_id = ? AND program_id = ? ORDER BY occurred_at, id")) {
        ps.setLong(1, pairId);
        ps.setLong(2, programId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            meetings.add(new Meeting(Instant.ofEpochMilli(rs.getLong(1)), rs.getInt(2)));
          }
        }
      }
      long[] goals =
          counts(
              c,
              "SELECT COUNT(*), COUNT(done_at) FROM goal WHERE pair_id = ? AND program_id = ?",
              pairId,
              programId);
      long[] tasks =
          counts(
              c,
              "SELECT COUNT(*), COUNT(t.done_at) FROM goal_task t JOIN goal g ON g.id ="
                  + " t.goal_id WHERE t.pair_id = ? AND g.program_id = ?",
              pairId,
              programId);
      return new PairHistory(meetings, goals[0], goals[1], tasks[0], tasks[1]);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read pair " + pairId, e);
    }
  }

  private static long[] counts(Connection c, String sql, long pairId, long programId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, pairId);
      ps.setLong(2, programId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }
}
