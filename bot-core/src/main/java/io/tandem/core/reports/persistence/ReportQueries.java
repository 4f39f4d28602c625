package io.tandem.core.reports.persistence;

import io.tandem.core.reports.PairRounds;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveyTrend;
import io.tandem.core.surveys.SurveyTrends;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
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

  private final EntityManager em;
  private final SqlRows sql;

  private ReportQueries(EntityManager em) {
    this.em = Objects.requireNonNull(em, "em");
    this.sql = new SqlRows(em.unwrap(Connection.class));
  }

  /** The queries on the connection of the store's transaction. */
  public static ReportQueries in(Store store) {
    return new ReportQueries(store.entityManager());
  }

  /**
   * The program's survey trends in {@code [from, to)}, read in the same transaction as the rest.
   */
  public List<SurveyTrend> surveyTrends(
      long programId, Instant from, Instant to, SurveySettings settings) {
    return SurveyTrends.read(new Store(em), programId, from, to, settings);
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

  public List<PairInfo> pairs(long programId, Instant from, Instant to) {
    List<PairInfo> pairs = new ArrayList<>();
    sql.forEachRow(
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

  public Map<Long, PairSessions> sessionsByPair(long programId, Instant from, Instant end) {
    Map<Long, PairSessions> byPair = new HashMap<>();
    sql.forEachRow(
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
      long programId, Instant since, Instant end, long roundMillis) {
    Map<Long, PairRounds.Activity> byPair = new HashMap<>();
    sql.forEachRow(
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
    sql.forEachRow(
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
   * Survey answers and pair check-ins answered per member and time in {@code [since, end)}
   * (anonymous runs record only the day), for placing them in the rounds of the member's pair.
   */
  public Map<Long, Map<Long, Long>> surveyAnswersByMember(
      long programId, Instant since, Instant end) {
    Map<Long, Map<Long, Long>> byMember = new HashMap<>();
    sql.forEachRow(
        "SELECT actor_member_id, occurred_at, COUNT(*) FROM signal"
            + " WHERE program_id = ? AND occurred_at >= ? AND occurred_at < ?"
            + " AND type IN ('SURVEY_ANSWERED', 'PAIR_CHECKIN_ANSWERED')"
            + " AND actor_member_id IS NOT NULL"
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
  public Instant lastActivity(long programId, long workspaceId) {
    long last =
        sql.count(
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

  /**
   * Signals per week (counted from {@code origin}) and kind, in {@code [from, to)}: per week, per
   * kind, and per week and kind (week → kind → count).
   */
  public record WeeklySignals(
      Map<Long, Long> perWeek,
      Map<String, Long> perType,
      Map<Long, Map<String, Long>> perWeekType) {}

  public WeeklySignals signalsByWeek(long programId, Instant origin, Instant from, Instant to) {
    Map<Long, Long> perWeek = new HashMap<>();
    Map<String, Long> perType = new HashMap<>();
    Map<Long, Map<String, Long>> perWeekType = new HashMap<>();
    sql.forEachRow(
        "SELECT (occurred_at - ?) / ? AS week, type, COUNT(*) FROM signal"
            + " WHERE program_id = ? AND occurred_at >= ? AND occurred_at < ?"
            + " GROUP BY 1, 2",
        List.of(
            origin.toEpochMilli(), WEEK_MILLIS, programId, from.toEpochMilli(), to.toEpochMilli()),
        rs -> {
          long n = rs.getLong(3);
          perWeek.merge(rs.getLong(1), n, Long::sum);
          perType.merge(rs.getString(2), n, Long::sum);
          perWeekType
              .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
              .merge(rs.getString(2), n, Long::sum);
        });
    return new WeeklySignals(perWeek, perType, perWeekType);
  }

  /** Sessions and distinct pairs that met, per week counted from {@code origin}. */
  public Map<Long, long[]> sessionsByWeek(
      long programId, Instant origin, Instant from, Instant to) {
    Map<Long, long[]> perWeek = new HashMap<>();
    sql.forEachRow(
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
  public long enrolled(long programId, Instant to) {
    return sql.count(
        "SELECT COUNT(*) FROM participant WHERE program_id = ? AND status <> 'WAITLISTED'"
            + " AND joined_at < ?",
        programId,
        to.toEpochMilli());
  }

  /** Goals set and goals reached in {@code [from, to)}. */
  public long[] goals(long programId, Instant from, Instant to) {
    return sql.firstRow(
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
  public long[] skillChange(long programId, Instant to) {
    return sql.firstRow(
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
  public long deadMessages(long workspaceId, Instant end) {
    return sql.count(
        "SELECT COUNT(*) FROM outbox_message WHERE workspace_id = ? AND state = 'DEAD'"
            + " AND created_at < ?",
        workspaceId,
        end.toEpochMilli());
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
