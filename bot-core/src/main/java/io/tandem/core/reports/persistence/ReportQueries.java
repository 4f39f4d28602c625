package io.tandem.core.reports.persistence;

import io.tandem.core.reports.PairRounds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report's SQL: each method is one {@code GROUP BY} over an index range of one program (the
 * covering indexes of migration V9), so the work grows with the program's pairs and the period's
 * rows, never with whole tables. Plain JDBC on the connection of the caller's transaction; not
 * thread-safe.
 */
public final class ReportQueries {

  public static final long WEEK_MILLIS = 7L * 24 * 60 * 60 * 1000;

  /** Signal kinds that count as a person acknowledging Tandem or their partner. */
  static final List<String> ACKNOWLEDGEMENTS =
      List.of(
          "MEETING_WAY_CHOSEN",
          "REMINDER_MOVED",
          "PAIR_CONTINUED",
          "HELP_REQUESTED",
          "LOGS_VIEWED",
          "GOALS_VIEWED",
          "TASKS_VIEWED");

  /** Signal kinds that count as work on the pair's learning plan. */
  static final List<String> PLAN =
      List.of("GOAL_SET", "GOAL_DONE", "TASK_SET", "TASK_DONE", "SKILLS_REVIEWED");

  private final Connection c;

  public ReportQueries(Connection connection) {
    this.c = Objects.requireNonNull(connection, "connection");
  }

  /** A pair active at some time in {@code [from, to)}, with its people. */
  public record PairInfo(
      long id,
      String status,
      Instant created,
      Instant ended,
      long mentorId,
      long menteeId,
      long mentorMember,
      long menteeMember,
      String mentor,
      String mentee) {}

  public List<PairInfo> pairs(long programId, Instant from, Instant to) throws SQLException {
    List<PairInfo> pairs = new ArrayList<>();
    forEachRow(
        "SELECT p.id, p.status, p.created_at, p.ended_at, p.mentor_id, p.mentee_id,"
            + " mp.member_id, ep.member_id, mm.display_name, em.display_name"
            + " FROM mentoring_pair p"
            + " JOIN participant mp ON mp.id = p.mentor_id"
            + " JOIN member mm ON mm.id = mp.member_id"
            + " JOIN participant ep ON ep.id = p.mentee_id"
            + " JOIN member em ON em.id = ep.member_id"
            + " WHERE p.program_id = ? AND p.status <> 'PROPOSED' AND p.created_at < ?"
            + " AND (p.ended_at IS NULL OR p.ended_at >= ?)"
            + " ORDER BY p.id",
        List.of(programId, to.toEpochMilli(), from.toEpochMilli()),
        rs -> {
          long ended = rs.getLong(4);
          Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
          pairs.add(
              new PairInfo(
                  rs.getLong(1),
                  rs.getString(2),
                  Instant.ofEpochMilli(rs.getLong(3)),
                  endedAt,
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getString(9),
                  rs.getString(10)));
        });
    return pairs;
  }

  /**
   * A pair's sessions up to the as-of instant.
   *
   * @param total every session before {@code end}
   * @param inPeriod sessions in {@code [from, end)}; {@code minutesInPeriod} their minutes
   * @param last when the pair last met before {@code end}
   */
  public record PairSessions(long total, long inPeriod, long minutesInPeriod, Instant last) {
    public static final PairSessions NONE = new PairSessions(0, 0, 0, null);
  }

  public Map<Long, PairSessions> sessionsByPair(long programId, Instant from, Instant end)
      throws SQLException {
    Map<Long, PairSessions> byPair = new HashMap<>();
    forEachRow(
        "SELECT pair_id, COUNT(*),"
            + " SUM(CASE WHEN occurred_at >= ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN occurred_at >= ? THEN minutes ELSE 0 END),"
            + " MAX(occurred_at)"
            + " FROM mentoring_session"
            + " WHERE program_id = ? AND pair_id IS NOT NULL AND occurred_at < ?"
            + " GROUP BY pair_id",
        List.of(from.toEpochMilli(), from.toEpochMilli(), programId, end.toEpochMilli()),
        rs ->
            byPair.put(
                rs.getLong(1),
                new PairSessions(
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    Instant.ofEpochMilli(rs.getLong(5)))));
    return byPair;
  }

  /**
   * What each pair did in each of its own rounds, counted from the moment it was made (round 0 is
   * {@code [made, made + round)}), before {@code end}: sessions over the pair's whole life, and
   * acknowledgements, plan work and survey answers since {@code since}.
   */
  public Map<Long, PairRounds.Activity> activityByRound(
      long programId, Instant since, Instant end, long roundMillis) throws SQLException {
    Map<Long, PairRounds.Activity> byPair = new HashMap<>();
    forEachRow(
        "SELECT s.pair_id, (s.occurred_at - p.created_at) / ?, COUNT(*)"
            + " FROM mentoring_session s JOIN mentoring_pair p ON p.id = s.pair_id"
            + " WHERE s.program_id = ? AND s.pair_id IS NOT NULL AND s.occurred_at < ?"
            + " AND s.occurred_at >= p.created_at GROUP BY 1, 2",
        List.of(roundMillis, programId, end.toEpochMilli()),
        rs ->
            activity(byPair, rs.getLong(1))
                .sessions()
                .merge(rs.getLong(2), rs.getLong(3), Long::sum));
    List<Object> params =
        new ArrayList<>(List.of(roundMillis, programId, since.toEpochMilli(), end.toEpochMilli()));
    params.addAll(ACKNOWLEDGEMENTS);
    params.addAll(PLAN);
    forEachRow(
        "SELECT s.pair_id, (s.occurred_at - p.created_at) / ?, s.type, COUNT(*)"
            + " FROM signal s JOIN mentoring_pair p ON p.id = s.pair_id"
            + " WHERE s.program_id = ? AND s.occurred_at >= ? AND s.occurred_at < ?"
            + " AND s.pair_id IS NOT NULL AND s.occurred_at >= p.created_at AND s.type IN ("
            + marks(ACKNOWLEDGEMENTS.size() + PLAN.size())
            + ") GROUP BY 1, 2, 3",
        params,
        rs -> {
          PairRounds.Activity a = activity(byPair, rs.getLong(1));
          (ACKNOWLEDGEMENTS.contains(rs.getString(3)) ? a.acknowledgements() : a.plan())
              .merge(rs.getLong(2), rs.getLong(4), Long::sum);
        });
    return byPair;
  }

  private static PairRounds.Activity activity(Map<Long, PairRounds.Activity> byPair, long pair) {
    return byPair.computeIfAbsent(pair, k -> PairRounds.Activity.empty());
  }

  /**
   * Survey answers per member and time in {@code [since, end)} (anonymous runs record only the
   * day), for placing them in the rounds of the member's pair.
   */
  public Map<Long, Map<Long, Long>> surveyAnswersByMember(
      long programId, Instant since, Instant end) throws SQLException {
    Map<Long, Map<Long, Long>> byMember = new HashMap<>();
    forEachRow(
        "SELECT actor_member_id, occurred_at, COUNT(*) FROM signal"
            + " WHERE program_id = ? AND occurred_at >= ? AND occurred_at < ?"
            + " AND type = 'SURVEY_ANSWERED' AND actor_member_id IS NOT NULL"
            + " GROUP BY 1, 2",
        List.of(programId, since.toEpochMilli(), end.toEpochMilli()),
        rs ->
            byMember
                .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .merge(rs.getLong(2), rs.getLong(3), Long::sum));
    return byMember;
  }

  /**
   * The moment just after the last thing recorded for the program: its creation, a participant
   * joining, a pair made, a session, a signal, or a message queued in its workspace (e.g. the
   * report's own charts).
   */
  public Instant lastActivity(long programId, long workspaceId) throws SQLException {
    long last =
        count(
            "SELECT MAX(t) FROM (SELECT MAX(created_at) AS t FROM program WHERE id = ?"
                + " UNION ALL SELECT MAX(joined_at) FROM participant WHERE program_id = ?"
                + " UNION ALL SELECT MAX(created_at) FROM mentoring_pair WHERE program_id = ?"
                + " UNION ALL SELECT MAX(occurred_at) FROM mentoring_session WHERE program_id = ?"
                + " UNION ALL SELECT MAX(occurred_at) FROM signal WHERE program_id = ?"
                + " UNION ALL SELECT MAX(created_at) FROM outbox_message WHERE workspace_id = ?) x",
            programId,
            programId,
            programId,
            programId,
            programId,
            workspaceId);
    return Instant.ofEpochMilli(last + 1);
  }

  /** Signals per week (counted from {@code origin}) and kind, in {@code [from, to)}. */
  public record WeeklySignals(Map<Long, Long> perWeek, Map<String, Long> perType) {}

  public WeeklySignals signalsByWeek(long programId, Instant origin, Instant from, Instant to)
      throws SQLException {
    Map<Long, Long> perWeek = new HashMap<>();
    Map<String, Long> perType = new HashMap<>();
    forEachRow(
        "SELECT (occurred_at - ?) / ? AS week, type, COUNT(*) FROM signal"
            + " WHERE program_id = ? AND occurred_at >= ? AND occurred_at < ?"
            + " GROUP BY 1, 2",
        List.of(
            origin.toEpochMilli(), WEEK_MILLIS, programId, from.toEpochMilli(), to.toEpochMilli()),
        rs -> {
          long n = rs.getLong(3);
          perWeek.merge(rs.getLong(1), n, Long::sum);
          perType.merge(rs.getString(2), n, Long::sum);
        });
    return new WeeklySignals(perWeek, perType);
  }

  /** Sessions and distinct pairs that met, per week counted from {@code origin}. */
  public Map<Long, long[]> sessionsByWeek(long programId, Instant origin, Instant from, Instant to)
      throws SQLException {
    Map<Long, long[]> perWeek = new HashMap<>();
    forEachRow(
        "SELECT (occurred_at - ?) / ? AS week, COUNT(*), COUNT(DISTINCT pair_id)"
            + " FROM mentoring_session"
            + " WHERE program_id = ? AND pair_id IS NOT NULL AND occurred_at >= ?"
            + " AND occurred_at < ? GROUP BY 1",
        List.of(
            origin.toEpochMilli(), WEEK_MILLIS, programId, from.toEpochMilli(), to.toEpochMilli()),
        rs -> perWeek.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}));
    return perWeek;
  }

  /** Participants who joined before {@code to}, waitlisted ones excluded. */
  public long enrolled(long programId, Instant to) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM participant WHERE program_id = ? AND status <> 'WAITLISTED'"
            + " AND joined_at < ?",
        programId,
        to.toEpochMilli());
  }

  /** Goals set and goals reached in {@code [from, to)}. */
  public long[] goals(long programId, Instant from, Instant to) throws SQLException {
    return firstRow(
        "SELECT SUM(CASE WHEN created_at >= ? AND created_at < ? THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN done_at >= ? AND done_at < ? THEN 1 ELSE 0 END)"
            + " FROM goal WHERE program_id = ? AND created_at < ?",
        List.of(
            from.toEpochMilli(),
            to.toEpochMilli(),
            from.toEpochMilli(),
            to.toEpochMilli(),
            programId,
            to.toEpochMilli()),
        rs -> new long[] {rs.getLong(1), rs.getLong(2)});
  }

  /**
   * Self-rating change from the first to the last rating of each (participant, skill) rated at
   * least twice before {@code to}: {count, summed change}.
   */
  public long[] skillChange(long programId, Instant to) throws SQLException {
    return firstRow(
        "SELECT COUNT(*), SUM(l.level - f.level) FROM"
            + " (SELECT r.participant_id, r.skill, MIN(r.rated_at) AS first_at,"
            + " MAX(r.rated_at) AS last_at FROM skill_rating r"
            + " JOIN participant p ON p.id = r.participant_id"
            + " WHERE p.program_id = ? AND r.rated_at < ?"
            + " GROUP BY r.participant_id, r.skill HAVING COUNT(*) > 1) g"
            + " JOIN skill_rating f ON f.participant_id = g.participant_id"
            + " AND f.skill = g.skill AND f.rated_at = g.first_at"
            + " JOIN skill_rating l ON l.participant_id = g.participant_id"
            + " AND l.skill = g.skill AND l.rated_at = g.last_at",
        List.of(programId, to.toEpochMilli()),
        rs -> new long[] {rs.getLong(1), rs.getLong(2)});
  }

  /** The workspace's messages queued before {@code end} that could not be delivered. */
  public long deadMessages(long workspaceId, Instant end) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM outbox_message WHERE workspace_id = ? AND state = 'DEAD'"
            + " AND created_at < ?",
        workspaceId,
        end.toEpochMilli());
  }

  /** People in pairs active in the period, by one profile column and role. */
  public Map<String, long[]> mix(long programId, String column, Instant from, Instant to)
      throws SQLException {
    if (!List.of("department", "seniority_band", "communication").contains(column)) {
      throw new IllegalArgumentException("not a mix column: " + column);
    }
    String pairs =
        " FROM mentoring_pair WHERE program_id = ? AND status <> 'PROPOSED' AND created_at < ?"
            + " AND (ended_at IS NULL OR ended_at >= ?)";
    Map<String, long[]> groups = new HashMap<>();
    forEachRow(
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

  public long rosterSize(long workspaceId) throws SQLException {
    return count("SELECT COUNT(*) FROM roster_entry WHERE workspace_id = ?", workspaceId);
  }

  /**
   * Roster retention: people employed on {@code fromDay} in the departments and bands where the
   * program has participants, split by taking part; retained = still employed on {@code toDay}.
   * Returns {participants, retained participants, others, retained others}.
   */
  public long[] rosterRetention(long workspaceId, long programId, String fromDay, String toDay)
      throws SQLException {
    long[] result = new long[4];
    forEachRow(
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
  public long[] memberRetention(long workspaceId, long programId, Instant from, Instant to)
      throws SQLException {
    long[] result = new long[4];
    forEachRow(
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

  /** Reads one row of a query's result. */
  @FunctionalInterface
  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /** Maps the one row of a query's result. */
  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql} with {@code params} bound in order (a {@link String} as text, any other value
   * as a {@code long}) and hands every row to {@code row}.
   */
  private void forEachRow(String sql, List<?> params, Row row) throws SQLException {
    try (PreparedStatement ps = prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        row.read(rs);
      }
    }
  }

  /** Like {@link #forEachRow} for a query that returns exactly one row (an aggregate). */
  private <T> T firstRow(String sql, List<?> params, RowMapper<T> mapper) throws SQLException {
    try (PreparedStatement ps = prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return mapper.map(rs);
    }
  }

  private long count(String sql, Long... params) throws SQLException {
    return firstRow(sql, List.of(params), rs -> rs.getLong(1));
  }

  private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.size(); i++) {
        Object param = params.get(i);
        if (param instanceof String text) {
          ps.setString(i + 1, text);
        } else {
          ps.setLong(i + 1, ((Number) param).longValue());
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
