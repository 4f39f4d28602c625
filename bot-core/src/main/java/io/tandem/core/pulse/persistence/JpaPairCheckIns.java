package io.tandem.core.pulse.persistence;

import io.tandem.core.port.in.Platform;
import io.tandem.core.pulse.CheckInSummary;
import io.tandem.core.pulse.PairCheckIn;
import io.tandem.core.pulse.PairCheckIns;
import io.tandem.core.pulse.ProgramCheckInPoints;
import io.tandem.core.store.Store;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PairCheckIns}: rows through JPA; the job's candidates and the report's counts as one SQL
 * query each on the caller's connection. One per transaction, not thread-safe.
 */
public final class JpaPairCheckIns implements PairCheckIns {

  private static final String CANDIDATES =
      "SELECT p.id, p.workspace_id, p.program_id, p.created_at, w.platform, cp.days,"
          + " me.id, mm.user_id, om.display_name, COALESCE(me.time_zone, mm.time_zone),"
          + " (SELECT MAX(c.point_days) FROM pair_checkin c"
          + "   WHERE c.pair_id = p.id AND c.participant_id = me.id)"
          + " FROM mentoring_pair p"
          + " JOIN program pr ON pr.id = p.program_id"
          + " JOIN workspace w ON w.id = p.workspace_id"
          + " LEFT JOIN program_checkin_points cp ON cp.program_id = p.program_id"
          + " JOIN participant me ON me.id = p.mentor_id OR me.id = p.mentee_id"
          + " JOIN member mm ON mm.id = me.member_id"
          + " JOIN participant other ON other.id ="
          + "   CASE WHEN me.id = p.mentor_id THEN p.mentee_id ELSE p.mentor_id END"
          + " JOIN member om ON om.id = other.member_id"
          + " WHERE p.status = 'ACTIVE' AND pr.status = 'RUNNING' AND me.status = 'ACTIVE'"
          + " AND (cp.days IS NULL OR cp.days <> '')"
          + " ORDER BY p.id, me.id";

  private static final String SUMMARY =
      "SELECT COUNT(*), COUNT(rating), COALESCE(SUM(rating), 0), COUNT(learning),"
          + " COALESCE(SUM(CASE WHEN learning = 'YES' THEN 1 ELSE 0 END), 0),"
          + " COALESCE(SUM(CASE WHEN learning = 'PARTLY' THEN 1 ELSE 0 END), 0)"
          + " FROM pair_checkin WHERE program_id = ? AND answered_at >= ? AND answered_at < ?";

  private final Store store;
  private final EntityManager em;

  public JpaPairCheckIns(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  @Override
  public Optional<PairCheckIn> find(long pairId, long participantId, int pointDays) {
    return Optional.ofNullable(
        em.find(PairCheckIn.class, new PairCheckIn.Key(pairId, participantId, pointDays)));
  }

  @Override
  public void add(PairCheckIn checkIn) {
    store.add(checkIn);
  }

  @Override
  public Optional<ProgramCheckInPoints> points(long programId) {
    return Optional.ofNullable(em.find(ProgramCheckInPoints.class, programId));
  }

  @Override
  public void add(ProgramCheckInPoints points) {
    store.add(points);
  }

  @Override
  public List<Candidate> candidates() {
    List<Candidate> all = new ArrayList<>();
    try (PreparedStatement ps = connection().prepareStatement(CANDIDATES);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(
            new Candidate(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                Platform.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getLong(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getInt(11)));
      }
      return all;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the pairs due a check-in", e);
    }
  }

  @Override
  public CheckInSummary summary(long programId, Instant from, Instant end, int threshold) {
    try (PreparedStatement ps = connection().prepareStatement(SUMMARY)) {
      ps.setLong(1, programId);
      ps.setLong(2, from.toEpochMilli());
      ps.setLong(3, end.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new CheckInSummary(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            threshold);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the check-ins of program " + programId, e);
    }
  }

  private Connection connection() {
    return em.unwrap(Connection.class);
  }
}
