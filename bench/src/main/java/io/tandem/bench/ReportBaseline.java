package io.tandem.bench;

import static io.tandem.bench.ReportData.CADENCE_DAYS;
import static io.tandem.bench.ReportData.CREATED;
import static io.tandem.bench.ReportData.DAY;
import static io.tandem.bench.ReportData.NOW;
import static io.tandem.bench.ReportData.WEEK;

import io.tandem.core.reports.ProgramReport;
import io.tandem.core.surveys.SurveySettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same numbers, written by hand as SQL on a plain JDBC connection: one statement for every
 * pair's score parts (and the score itself), and one for each program-wide number.
 */
record ReportBaseline(
    long scoreSum,
    long sessionsInPeriod,
    long minutesInPeriod,
    long enrolled,
    long weeklySignals,
    long weeklySessions,
    long nudges,
    long reminders,
    long escalations,
    long goalsSet,
    long goalsDone,
    long skillsReRated,
    long dead,
    long mixPeople,
    long membersAtStart,
    long surveyAnswers) {

  private static final String ACKS =
      "'MEETING_WAY_CHOSEN', 'REMINDER_MOVED', 'PAIR_CONTINUED', 'HELP_REQUESTED',"
          + " 'LOGS_VIEWED', 'GOALS_VIEWED', 'TASKS_VIEWED'";
  private static final String PLAN =
      "'GOAL_SET', 'GOAL_DONE', 'TASK_SET', 'TASK_DONE', 'SKILLS_REVIEWED'";

  /** Every pair's score and its sessions and minutes in the period, in one statement. */
  private static final String SCORES =
      "WITH pr AS MATERIALIZED (SELECT p.id, p.created_at AS made, mp.member_id AS a,"
          + "   ep.member_id AS b,"
          + "   ((CASE WHEN p.ended_at IS NOT NULL AND p.ended_at < ?2 THEN p.ended_at"
          + "     ELSE ?2 END) - p.created_at) / ?3 AS e"
          + "   FROM mentoring_pair p JOIN participant mp ON mp.id = p.mentor_id"
          + "   JOIN participant ep ON ep.id = p.mentee_id"
          + "   WHERE p.program_id = 1 AND p.status <> 'PROPOSED' AND p.created_at < ?2"
          + "   AND (p.ended_at IS NULL OR p.ended_at >= ?1)),"
          + " rs AS MATERIALIZED (SELECT s.pair_id, (s.occurred_at - pr.made) / ?3 AS r, COUNT(*) AS n"
          + "   FROM mentoring_session s JOIN pr ON pr.id = s.pair_id"
          + "   WHERE s.program_id = 1 AND s.occurred_at < ?2 AND s.occurred_at >= pr.made"
          + "   GROUP BY 1, 2),"
          + " lr AS MATERIALIZED (SELECT pr.*, CASE WHEN cur.n IS NULL THEN pr.e - 1"
          + "   ELSE pr.e END AS l FROM pr LEFT JOIN rs cur ON cur.pair_id = pr.id"
          + "   AND cur.r = pr.e),"
          + " sg AS MATERIALIZED (SELECT g.pair_id, (g.occurred_at - pr.made) / ?3 AS r,"
          + "   SUM(CASE WHEN g.type IN ("
          + ACKS
          + ") THEN 1 ELSE 0 END) AS acks,"
          + "   SUM(CASE WHEN g.type IN ("
          + PLAN
          + ") THEN 1 ELSE 0 END) AS plan"
          + "   FROM signal g JOIN pr ON pr.id = g.pair_id WHERE g.program_id = 1"
          + "   AND g.occurred_at >= ?4 AND g.occurred_at < ?2 AND g.occurred_at >= pr.made"
          + "   GROUP BY 1, 2),"
          + " sv AS MATERIALIZED (SELECT actor_member_id AS m, occurred_at AS t, COUNT(*) AS c"
          + "   FROM signal WHERE program_id = 1 AND type = 'SURVEY_ANSWERED'"
          + "   AND occurred_at >= ?4 AND occurred_at < ?2 GROUP BY 1, 2)"
          + " SELECT ROUND(50 * MIN(1.0, (COALESCE(n.n1, 0) + 0.5 * COALESCE(n.n2, 0)"
          + "   + 0.25 * COALESCE(n.n3, 0)) / 2.0)"
          + "   + 15 * MIN(1.0, COALESCE(x.acks, 0) / 2.0)"
          + "   + 20 * MIN(1.0, COALESCE(x.plan, 0) / 3.0)"
          + "   + 15 * MIN(1.0, COALESCE(y.c, 0) / 2.0)),"
          + "   COALESCE(t.n, 0), COALESCE(t.minutes, 0)"
          + " FROM lr"
          + " LEFT JOIN (SELECT lr.id,"
          + "   SUM(CASE WHEN rs.r = lr.l THEN rs.n ELSE 0 END) AS n1,"
          + "   SUM(CASE WHEN rs.r = lr.l - 1 THEN rs.n ELSE 0 END) AS n2,"
          + "   SUM(CASE WHEN rs.r IN (lr.l - 2, lr.l - 3) THEN rs.n ELSE 0 END) AS n3"
          + "   FROM lr JOIN rs ON rs.pair_id = lr.id GROUP BY lr.id) n ON n.id = lr.id"
          + " LEFT JOIN (SELECT lr.id, SUM(sg.acks) AS acks, SUM(sg.plan) AS plan"
          + "   FROM lr JOIN sg ON sg.pair_id = lr.id AND sg.r >= lr.l - 3 AND sg.r >= 0"
          + "   GROUP BY lr.id) x ON x.id = lr.id"
          + " LEFT JOIN (SELECT lr.id, SUM(sv.c) AS c FROM lr JOIN sv"
          + "   ON sv.m IN (lr.a, lr.b) AND sv.t >= lr.made"
          + "   AND (sv.t - lr.made) / ?3 >= lr.l - 3 GROUP BY lr.id) y ON y.id = lr.id"
          + " LEFT JOIN (SELECT pair_id, COUNT(*) AS n, SUM(minutes) AS minutes"
          + "   FROM mentoring_session WHERE program_id = 1 AND occurred_at >= ?1"
          + "   AND occurred_at < ?2 GROUP BY pair_id) t ON t.pair_id = lr.id";

  static ReportBaseline compute(Connection c) throws SQLException {
    long end = NOW.toEpochMilli();
    long from = CREATED.truncatedTo(ChronoUnit.DAYS).toEpochMilli();
    long round = CADENCE_DAYS * DAY;
    // a pair's rounds run from when it was made; the latest counted round is the one in
    // progress if the pair met in it, else the last ended one (README, "Rounds")
    long reach = end - 5 * round;
    long[] scores = scores(c, from, end, round, reach);
    long[] weekly = weeklySignals(c, from, end);
    long weeklySessions = weeklySessions(c, from, end);
    long enrolled =
        single(
            c,
            "SELECT COUNT(*) FROM participant WHERE program_id = 1"
                + " AND status <> 'WAITLISTED' AND joined_at < "
                + end);
    long[] goals = goals(c, from, end);
    long skills = skillsReRated(c, end);
    long dead =
        single(
            c,
            "SELECT COUNT(*) FROM outbox_message WHERE workspace_id = 1" + " AND state = 'DEAD'");
    long mix = mixPeople(c);
    long members = membersAtStart(c, from);
    long surveyAnswers = surveyAnswers(c, from, end);
    return new ReportBaseline(
        scores[0],
        scores[1],
        scores[2],
        enrolled,
        weekly[0],
        weeklySessions,
        weekly[1],
        weekly[2],
        weekly[3],
        goals[0],
        goals[1],
        skills,
        dead,
        mix,
        members,
        surveyAnswers);
  }

  private static long[] scores(Connection c, long from, long end, long round, long reach)
      throws SQLException {
    long scoreSum = 0;
    long sessions = 0;
    long minutes = 0;
    try (PreparedStatement ps = c.prepareStatement(SCORES)) {
      ps.setLong(1, from);
      ps.setLong(2, end);
      ps.setLong(3, round);
      ps.setLong(4, reach);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          scoreSum += rs.getLong(1);
          sessions += rs.getLong(2);
          minutes += rs.getLong(3);
        }
      }
    }
    return new long[] {scoreSum, sessions, minutes};
  }

  private static long[] weeklySignals(Connection c, long from, long end) throws SQLException {
    long[] weekly = new long[4];
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (occurred_at - ?1) / ?2, COUNT(*),"
                + " SUM(CASE WHEN type = 'NUDGE_SENT' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN type = 'REMINDER_SENT' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN type = 'PAIR_ESCALATED' THEN 1 ELSE 0 END)"
                + " FROM signal WHERE program_id = 1 AND occurred_at >= ?3 AND occurred_at < ?4"
                + " GROUP BY 1")) {
      ps.setLong(1, monday(from));
      ps.setLong(2, WEEK);
      ps.setLong(3, from);
      ps.setLong(4, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          for (int i = 0; i < 4; i++) {
            weekly[i] += rs.getLong(i + 2);
          }
        }
      }
    }
    return weekly;
  }

  private static long weeklySessions(Connection c, long from, long end) throws SQLException {
    long weeklySessions = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (occurred_at - ?1) / ?2, COUNT(*), COUNT(DISTINCT pair_id)"
                + " FROM mentoring_session WHERE program_id = 1 AND pair_id IS NOT NULL"
                + " AND occurred_at >= ?3 AND occurred_at < ?4 GROUP BY 1")) {
      ps.setLong(1, monday(from));
      ps.setLong(2, WEEK);
      ps.setLong(3, from);
      ps.setLong(4, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          weeklySessions += rs.getLong(2);
        }
      }
    }
    return weeklySessions;
  }

  private static long[] goals(Connection c, long from, long end) throws SQLException {
    return pair(
        c,
        "SELECT SUM(CASE WHEN created_at >= "
            + from
            + " THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN done_at >= "
            + from
            + " AND done_at < "
            + end
            + " THEN 1 ELSE 0 END) FROM goal WHERE program_id = 1 AND created_at < "
            + end);
  }

  private static long skillsReRated(Connection c, long end) throws SQLException {
    return single(
        c,
        "SELECT COUNT(*) FROM (SELECT r.participant_id, r.skill, MIN(r.rated_at) f,"
            + " MAX(r.rated_at) l FROM skill_rating r JOIN participant p"
            + " ON p.id = r.participant_id WHERE p.program_id = 1 AND r.rated_at < "
            + end
            + " GROUP BY r.participant_id, r.skill HAVING COUNT(*) > 1) g"
            + " JOIN skill_rating a ON a.participant_id = g.participant_id AND a.skill = g.skill"
            + " AND a.rated_at = g.f JOIN skill_rating b ON b.participant_id = g.participant_id"
            + " AND b.skill = g.skill AND b.rated_at = g.l");
  }

  private static long mixPeople(Connection c) throws SQLException {
    long mix = 0;
    for (String column : List.of("department", "seniority_band", "communication")) {
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT x."
                      + column
                      + ", COUNT(*) FROM participant x"
                      + " WHERE x.program_id = 1 AND x.id IN"
                      + " (SELECT mentor_id FROM mentoring_pair WHERE program_id = 1"
                      + " AND status <> 'PROPOSED' UNION SELECT mentee_id FROM mentoring_pair"
                      + " WHERE program_id = 1 AND status <> 'PROPOSED') GROUP BY x."
                      + column)) {
        while (rs.next()) {
          long people = rs.getLong(2);
          mix += people >= SurveySettings.DEFAULT_THRESHOLD ? people : 0;
        }
      }
    }
    return mix;
  }

  private static long membersAtStart(Connection c, long from) throws SQLException {
    return single(
        c,
        "SELECT COUNT(*) FROM member m LEFT JOIN participant p"
            + " ON p.member_id = m.id AND p.program_id = 1 AND p.status <> 'WAITLISTED'"
            + " WHERE m.workspace_id = 1 AND (m.left_at IS NULL OR m.left_at >= "
            + from
            + ")");
  }

  private static long surveyAnswers(Connection c, long from, long end) throws SQLException {
    return single(
        c,
        "SELECT SUM(t.responses) FROM survey_run r JOIN survey_tally t"
            + " ON t.run_id = r.id WHERE r.program_id = 1 AND r.opened_at >= "
            + from
            + " AND r.opened_at < "
            + end
            + " AND (SELECT COUNT(*) FROM survey_invitee i"
            + " WHERE i.run_id = r.id AND i.answered_on IS NOT NULL) >= 5");
  }

  /** The first number that differs from the report's, or {@code null} when all agree. */
  String mismatch(ProgramReport r) {
    Map<String, long[]> pairs = new LinkedHashMap<>();
    pairs.put(
        "score sum", new long[] {scoreSum, r.pairs().stream().mapToLong(p -> p.score()).sum()});
    pairs.put("sessions", new long[] {sessionsInPeriod, r.health().sessions()});
    pairs.put("minutes", new long[] {minutesInPeriod, Math.round(r.health().hours() * 60)});
    pairs.put("enrolled", new long[] {enrolled, r.funnel().enrolled()});
    pairs.put(
        "weekly signals",
        new long[] {weeklySignals, r.weeks().stream().mapToLong(w -> w.signals()).sum()});
    pairs.put(
        "weekly sessions",
        new long[] {weeklySessions, r.weeks().stream().mapToLong(w -> w.sessions()).sum()});
    pairs.put("nudges", new long[] {nudges, r.health().nudges()});
    pairs.put("reminders", new long[] {reminders, r.health().reminders()});
    pairs.put("escalations", new long[] {escalations, r.health().escalations()});
    pairs.put("goals set", new long[] {goalsSet, r.health().goalsSet()});
    pairs.put("goals done", new long[] {goalsDone, r.health().goalsDone()});
    pairs.put("skills re-rated", new long[] {skillsReRated, r.health().skillsReRated()});
    pairs.put("dead", new long[] {dead, r.health().deadMessages()});
    pairs.put(
        "people in shown mix groups",
        new long[] {
          mixPeople,
          r.mix().stream().flatMap(m -> m.groups().stream()).mapToLong(g -> g.people()).sum()
        });
    pairs.put(
        "members at start",
        new long[] {
          membersAtStart, r.retention().participants().people() + r.retention().others().people()
        });
    pairs.put(
        "survey answers shown",
        new long[] {
          surveyAnswers,
          r.surveys().stream()
              .flatMap(t -> t.runs().stream())
              .filter(p -> !p.suppressed())
              .mapToLong(p -> p.answered())
              .sum()
        });
    for (Map.Entry<String, long[]> e : pairs.entrySet()) {
      if (e.getValue()[0] != e.getValue()[1]) {
        return e.getKey() + ": SQL " + e.getValue()[0] + ", report " + e.getValue()[1];
      }
    }
    return null;
  }

  private static long monday(long millis) {
    java.time.LocalDate day =
        java.time.LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .toEpochMilli();
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long[] pair(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
