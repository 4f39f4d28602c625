package io.tandem.core.reminders.persistence;

import io.tandem.core.store.Store;
import jakarta.persistence.PersistenceException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored columns a reminder pass plans a pair from (the pair, its program's cadence and ladder,
 * its workspace, both participants' status, zone, availability and reminder choices, both members,
 * its session count and latest session), read as plain values: equal snapshots of one pair taken in
 * two transactions mean nothing it is planned from changed meanwhile. One query for up to a
 * thousand pairs, in the caller's transaction.
 */
public final class PairSnapshots {

  /** The program's columns planning reads (not its matching rules, which are long). */
  private static final String PROGRAM =
      "pg.name, pg.status, pg.cadence_days, pg.reminder_hour, pg.reminder_weekends,"
          + " pg.nudge_days, pg.second_nudge_days, pg.escalate_days, pg.at_risk_rounds";

  /** A participant's columns planning reads (not their profile), for the alias {@code ?}. */
  private static final String PARTICIPANT =
      "?.id, ?.member_id, ?.status, ?.time_zone, ?.availability, ?.reminder_hour,"
          + " ?.reminder_weekends, ?.paused_until";

  private static final String QUERY =
      "SELECT pr.id, pr.*, "
          + PROGRAM
          + ", w.id, w.platform, "
          + PARTICIPANT.replace("?", "a")
          + ", ma.*, "
          + PARTICIPANT.replace("?", "b")
          + ", mb.*,"
          + " (SELECT COUNT(*) FROM mentoring_session s WHERE s.pair_id = pr.id),"
          + " (SELECT MAX(s.occurred_at) FROM mentoring_session s WHERE s.pair_id = pr.id)"
          + " FROM mentoring_pair pr JOIN program pg ON pg.id = pr.program_id"
          + " JOIN workspace w ON w.id = pr.workspace_id"
          + " JOIN participant a ON a.id = pr.mentor_id JOIN member ma ON ma.id = a.member_id"
          + " JOIN participant b ON b.id = pr.mentee_id JOIN member mb ON mb.id = b.member_id"
          + " WHERE pr.id IN (";

  private PairSnapshots() {}

  /** The snapshot of each of {@code pairIds} that still exists, by pair id. */
  public static Map<Long, List<Object>> of(Store store, Collection<Long> pairIds) {
    Map<Long, List<Object>> snapshots = new HashMap<>();
    if (pairIds.isEmpty()) {
      return snapshots;
    }
    List<Long> ids = List.copyOf(pairIds);
    Connection c = store.entityManager().unwrap(Connection.class);
    try (PreparedStatement ps = c.prepareStatement(QUERY + "?,".repeat(ids.size() - 1) + "?)")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(1 + i, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[columns - 1];
          for (int i = 2; i <= columns; i++) {
            Object value = rs.getObject(i);
            row[i - 2] = value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
          }
          snapshots.put(rs.getLong(1), new ArrayList<>(Arrays.asList(row)));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("could not read the pairs' snapshots", e);
    }
    return snapshots;
  }
}
