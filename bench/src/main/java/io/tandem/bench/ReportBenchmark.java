package io.tandem.bench;

import static io.tandem.bench.ResultFiles.round;
import static io.tandem.bench.ResultFiles.round3;

import io.tandem.core.reports.ProgramReport;
import io.tandem.core.reports.Reports;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.core.surveys.SurveySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code report}: the program report on a generated program of 10 000 pairs and 1 000 000 signals
 * in one SQLite file, timed against hand-written SQL that computes the same numbers on the same
 * file in the same run. Goal: report time ≤ 2 × the SQL's.
 */
final class ReportBenchmark {

  static final String USAGE =
      "java -jar bench/target/tandem-bench.jar report [--pairs 10000] [--signals 1000000]"
          + " [--runs 5] [--file PATH] [--results DIR]";
  static final double GOAL_RATIO = 2.0;

  private static final long DAY = 86_400_000L;
  private static final long WEEK = 7 * DAY;
  private static final int CADENCE_DAYS = 14;
  private static final int PROGRAM_DAYS = 180;
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Instant CREATED = NOW.minus(Duration.ofDays(PROGRAM_DAYS));
  private static final String[] DEPARTMENTS = {
    "Marketing", "Sales", "Finance", "Legal", "Engineering", "Design", "Support", "People"
  };

  /** Signal kinds with their share of the generated log, in per mille. */
  private static final Map<String, Integer> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("REMINDER_SENT", 300);
    KINDS.put("SESSION_LOGGED", 150);
    KINDS.put("STATUS_VIEWED", 100);
    KINDS.put("HOME_OPENED", 80);
    KINDS.put("NUDGE_SENT", 50);
    KINDS.put("GOAL_SET", 50);
    KINDS.put("TASK_SET", 50);
    KINDS.put("TASK_DONE", 50);
    KINDS.put("LOGS_VIEWED", 50);
    KINDS.put("SURVEY_ANSWERED", 50);
    KINDS.put("REMINDER_MOVED", 30);
    KINDS.put("GOAL_DONE", 20);
    KINDS.put("MEETING_WAY_CHOSEN", 10);
    KINDS.put("PAIR_ESCALATED", 10);
  }

  private ReportBenchmark() {}

  static int main(List<String> args) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("--pairs", "10000");
    o.put("--signals", "1000000");
    o.put("--runs", "5");
    o.put("--file", "");
    o.put("--results", "bench/results");
    for (int i = 0; i < args.size(); i++) {
      String key = args.get(i);
      if (!o.containsKey(key) || i + 1 >= args.size()) {
        System.err.println("Unknown or incomplete option " + key + "\n" + USAGE);
        return 2;
      }
      o.put(key, args.get(++i));
    }
    try {
      return run(
          Integer.parseInt(o.get("--pairs")),
          Integer.parseInt(o.get("--signals")),
          Integer.parseInt(o.get("--runs")),
          o.get("--file").isEmpty()
              ? Files.createTempDirectory("tandem-report-bench").resolve("report.db")
              : Path.of(o.get("--file")),
          Path.of(o.get("--results")),
          String.join(" ", args));
    } catch (Exception e) {
      e.printStackTrace();
      return 1;
    }
  }

  static int run(int pairs, int signals, int runs, Path file, Path results, String commandLine)
      throws Exception {
    Files.deleteIfExists(file);
    String url = "jdbc:sqlite:" + file;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Map<String, Object> result = new LinkedHashMap<>();
    try (Database db = Database.open(DatabaseSettings.of(url, null, null, 2), clock)) {
      long start = System.nanoTime();
      long[] counts = generate(db, pairs, signals, new Random(7));
      result.put("pairs", pairs);
      result.put("participants", 2L * pairs);
      result.put("signals", counts[0]);
      result.put("sessions", counts[1]);
      result.put("goals", counts[2]);
      result.put("generate (s)", round((System.nanoTime() - start) / 1e9));
      result.put("file (MiB)", Files.size(file) / (1024 * 1024));
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        st.execute("ANALYZE");
      }

      Reports reports = new Reports(db, clock, SurveySettings.defaults());
      ProgramReport report = null;
      Baseline baseline = null;
      double[] reportMs = new double[runs];
      double[] sqlMs = new double[runs];
      // one warm-up of each, then alternate so that both see the same cache and load
      reports.compute(1, null);
      try (Connection c = DriverManager.getConnection(url)) {
        Baseline.compute(c);
      }
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        report = reports.compute(1, null).orElseThrow();
        reportMs[r] = (System.nanoTime() - t0) / 1e6;
        try (Connection c = DriverManager.getConnection(url)) {
          long t1 = System.nanoTime();
          baseline = Baseline.compute(c);
          sqlMs[r] = (System.nanoTime() - t1) / 1e6;
        }
      }
      String mismatch = baseline.mismatch(report);
      double reportMedian = median(reportMs);
      double sqlMedian = median(sqlMs);
      double ratio = reportMedian / sqlMedian;
      result.put("runs", runs);
      result.put("program report, median (ms)", round(reportMedian));
      result.put("hand-written SQL, median (ms)", round(sqlMedian));
      result.put("program report, all runs (ms)", rounded(reportMs));
      result.put("hand-written SQL, all runs (ms)", rounded(sqlMs));
      result.put("ratio report / SQL", round3(ratio));
      result.put("same numbers", mismatch == null ? "yes" : "NO: " + mismatch);
      result.put("sessions in period", report.health().sessions());
      ProgramReport last = report;
      result.put("sum of pair scores", last.pairs().stream().mapToLong(p -> p.score()).sum());
      result.put(
          "pairs thriving / steady / at risk / gone quiet",
          Arrays.stream(ProgramReport.Bucket.values())
              .map(b -> last.health().buckets().get(b).toString())
              .reduce((a, b) -> a + " / " + b)
              .orElse(""));
      result.put("result", mismatch == null && ratio <= GOAL_RATIO ? "PASS" : "FAIL");
    }
    Files.deleteIfExists(file);
    write(results, result, ResultFiles.environment("report", commandLine));
    result.forEach((k, v) -> System.out.println(k + ": " + v));
    return 0;
  }

  /**
   * The generated program: 2 × pairs participants in 8 departments and 6 bands, all paired; up to
   * 20 sessions a pair on distinct days; 2 goals a pair; a skill re-rating for a fifth of the
   * mentees; {@code signals} signals of the kinds in {@link #KINDS} spread over 180 days; six
   * anonymous monthly pulses; a few dead outbox messages. Returns {signals, sessions, goals}.
   */
  private static long[] generate(Database db, int pairs, int signals, Random random)
      throws SQLException {
    long sessions = 0;
    long goals = 0;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      exec(
          c,
          "INSERT INTO workspace (id, platform, external_id, created_at) VALUES"
              + " (1, 'SLACK', 'T_BENCH', 0)");
      exec(
          c,
          "INSERT INTO program (id, workspace_id, name, cadence_days, status, is_default,"
              + " created_at) VALUES (1, 1, 'Bench', "
              + CADENCE_DAYS
              + ", 'RUNNING', TRUE, "
              + CREATED.toEpochMilli()
              + ")");
      long created = CREATED.toEpochMilli();
      try (PreparedStatement member =
              c.prepareStatement(
                  "INSERT INTO member (id, workspace_id, user_id, display_name,"
                      + " created_at, updated_at, left_at) VALUES (?, 1, ?, ?, 0, 0, ?)");
          PreparedStatement participant =
              c.prepareStatement(
                  "INSERT INTO participant (id, workspace_id, program_id,"
                      + " member_id, role, status, joined_at, department, seniority_band,"
                      + " communication) VALUES (?, 1, 1, ?, ?, 'ACTIVE', ?, ?, ?, ?)");
          PreparedStatement pair =
              c.prepareStatement(
                  "INSERT INTO mentoring_pair (id, workspace_id, program_id,"
                      + " mentor_id, mentee_id, status, score, reasons, created_at) VALUES"
                      + " (?, 1, 1, ?, ?, 'ACTIVE', 70, '[]', ?)")) {
        for (int i = 1; i <= 2 * pairs + pairs / 2; i++) {
          member.setLong(1, i);
          member.setString(2, "U" + i);
          member.setString(3, "Person " + i);
          if (random.nextInt(20) == 0) {
            member.setLong(4, created + random.nextInt(PROGRAM_DAYS) * DAY);
          } else {
            member.setNull(4, java.sql.Types.BIGINT);
          }
          member.addBatch();
          if (i <= 2 * pairs) {
            participant.setLong(1, i);
            participant.setLong(2, i);
            participant.setString(3, i % 2 == 1 ? "MENTOR" : "MENTEE");
            participant.setLong(4, created + random.nextInt(7) * DAY);
            participant.setString(5, DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
            participant.setInt(6, i % 2 == 1 ? 1 + random.nextInt(3) : 4 + random.nextInt(3));
            participant.setString(7, random.nextBoolean() ? "CALL" : "CHAT");
            participant.addBatch();
          }
        }
        member.executeBatch();
        participant.executeBatch();
        for (int p = 1; p <= pairs; p++) {
          pair.setLong(1, p);
          pair.setLong(2, 2L * p - 1);
          pair.setLong(3, 2L * p);
          pair.setLong(4, created + (7 + random.nextInt(7)) * DAY);
          pair.addBatch();
        }
        pair.executeBatch();
      }
      long id = 1;
      try (PreparedStatement session =
              c.prepareStatement(
                  "INSERT INTO mentoring_session (id, workspace_id, program_id,"
                      + " participant_id, occurred_at, minutes, topic, pair_id, local_date, number)"
                      + " VALUES (?, 1, 1, ?, ?, ?, 't', ?, ?, ?)");
          PreparedStatement goal =
              c.prepareStatement(
                  "INSERT INTO goal (id, workspace_id, program_id, pair_id,"
                      + " number, owner_id, created_by, text, created_at, done_at) VALUES"
                      + " (?, 1, 1, ?, ?, ?, ?, 'g', ?, ?)");
          PreparedStatement rating =
              c.prepareStatement(
                  "INSERT INTO skill_rating (id, workspace_id, participant_id,"
                      + " skill, level, rated_at) VALUES (?, 1, ?, 'SQL', ?, ?)")) {
        for (int p = 1; p <= pairs; p++) {
          int day = 14 + random.nextInt(14);
          int n = 0;
          int target = random.nextInt(21);
          while (n < target && day < PROGRAM_DAYS) {
            session.setLong(1, id++);
            session.setLong(2, 2L * p - 1);
            session.setLong(3, created + day * DAY + 36_000_000L);
            session.setInt(4, 15 * (1 + random.nextInt(8)));
            session.setLong(5, p);
            session.setString(6, CREATED.plus(Duration.ofDays(day)).toString().substring(0, 10));
            session.setInt(7, ++n);
            session.addBatch();
            sessions++;
            day += 1 + random.nextInt(16);
          }
          for (int g = 1; g <= 2; g++) {
            long set = created + (14 + random.nextInt(150)) * DAY;
            goal.setLong(1, id++);
            goal.setLong(2, p);
            goal.setInt(3, g);
            goal.setLong(4, 2L * p);
            goal.setLong(5, 2L * p);
            goal.setLong(6, set);
            if (random.nextBoolean()) {
              goal.setLong(7, set + random.nextInt(20) * DAY);
            } else {
              goal.setNull(7, java.sql.Types.BIGINT);
            }
            goal.addBatch();
            goals++;
          }
          if (p % 5 == 0) {
            for (int k = 0; k < 2; k++) {
              rating.setLong(1, id++);
              rating.setLong(2, 2L * p);
              rating.setInt(3, 1 + random.nextInt(5));
              rating.setLong(4, created + (k == 0 ? 1 : 150) * DAY);
              rating.addBatch();
            }
          }
        }
        session.executeBatch();
        goal.executeBatch();
        rating.executeBatch();
      }
      String[] kinds = new String[1000];
      int at = 0;
      for (Map.Entry<String, Integer> k : KINDS.entrySet()) {
        for (int i = 0; i < k.getValue(); i++) {
          kinds[at++] = k.getKey();
        }
      }
      try (PreparedStatement signal =
          c.prepareStatement(
              "INSERT INTO signal (id, workspace_id, type, actor_member_id,"
                  + " program_id, participant_id, pair_id, occurred_at, details) VALUES"
                  + " (?, 1, ?, ?, 1, ?, ?, ?, '{}')")) {
        for (int s = 0; s < signals; s++) {
          String kind = kinds[random.nextInt(kinds.length)];
          int p = 1 + random.nextInt(pairs);
          long person = 2L * p - random.nextInt(2);
          signal.setLong(1, id++);
          signal.setString(2, kind);
          signal.setLong(3, person);
          signal.setLong(4, person);
          if ("SURVEY_ANSWERED".equals(kind)) {
            signal.setNull(5, java.sql.Types.BIGINT);
          } else {
            signal.setLong(5, p);
          }
          signal.setLong(6, created + (long) (random.nextDouble() * PROGRAM_DAYS * DAY));
          signal.addBatch();
          if (s % 50_000 == 49_999) {
            signal.executeBatch();
          }
        }
        signal.executeBatch();
      }
      try (PreparedStatement run =
              c.prepareStatement(
                  "INSERT INTO survey_run (id, workspace_id, program_id,"
                      + " template_id, title, anonymous, audience, questions, invited, opened_at,"
                      + " remind_at, closes_at, closed_at) VALUES (?, 1, 1, 'monthly-pulse',"
                      + " 'Monthly pulse', 1, 'ALL', ?, ?, ?, ?, ?, ?)");
          PreparedStatement invitee =
              c.prepareStatement(
                  "INSERT INTO survey_invitee (run_id, member_id, answered_on)"
                      + " VALUES (?, ?, '2026-01-01')");
          PreparedStatement tally =
              c.prepareStatement(
                  "INSERT INTO survey_tally (run_id, question, answer, responses)"
                      + " VALUES (?, 0, ?, ?)")) {
        for (int r = 1; r <= 6; r++) {
          long opened = created + (30L * r - 15) * DAY;
          run.setLong(1, r);
          run.setString(2, "[{\"type\":\"LIKERT\",\"text\":\"Worth my time.\",\"choices\":[]}]");
          run.setInt(3, 2 * pairs);
          run.setLong(4, opened);
          run.setLong(5, opened + DAY);
          run.setLong(6, opened + 5 * DAY);
          run.setLong(7, opened + 5 * DAY);
          run.addBatch();
          int answered = pairs / 2 + random.nextInt(pairs / 2);
          for (int m = 1; m <= answered; m++) {
            invitee.setLong(1, r);
            invitee.setLong(2, m);
            invitee.addBatch();
          }
          int left = answered;
          for (int a = 1; a <= 5; a++) {
            int k = a == 5 ? left : random.nextInt(left / 2 + 1);
            left -= k;
            tally.setLong(1, r);
            tally.setInt(2, a);
            tally.setInt(3, k);
            tally.addBatch();
          }
        }
        run.executeBatch();
        invitee.executeBatch();
        tally.executeBatch();
      }
      for (int d = 0; d < 7; d++) {
        exec(
            c,
            "INSERT INTO outbox_message (id, workspace_id, dedup_key, platform,"
                + " recipient_user_id, payload, not_before, state, created_at) VALUES ("
                + (id++)
                + ", 1, 'dead-"
                + d
                + "', 'SLACK', 'U1', '{}', 0, 'DEAD', 0)");
      }
      c.commit();
    }
    return new long[] {signals, sessions, goals};
  }

  /**
   * The same numbers, written by hand as SQL on a plain JDBC connection: one statement for every
   * pair's score parts (and the score itself), and one for each program-wide number.
   */
  record Baseline(
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

    static Baseline compute(Connection c) throws SQLException {
      long end = NOW.toEpochMilli();
      long from = CREATED.truncatedTo(ChronoUnit.DAYS).toEpochMilli();
      long round = CADENCE_DAYS * DAY;
      // a pair's rounds run from when it was made; the latest counted round is the one in
      // progress if the pair met in it, else the last ended one (README, "Rounds")
      long reach = end - 5 * round;
      String acks =
          "'MEETING_WAY_CHOSEN', 'REMINDER_MOVED', 'PAIR_CONTINUED', 'HELP_REQUESTED',"
              + " 'LOGS_VIEWED', 'GOALS_VIEWED', 'TASKS_VIEWED'";
      String plan = "'GOAL_SET', 'GOAL_DONE', 'TASK_SET', 'TASK_DONE', 'SKILLS_REVIEWED'";
      long scoreSum = 0;
      long sessions = 0;
      long minutes = 0;
      try (PreparedStatement ps =
          c.prepareStatement(
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
                  + acks
                  + ") THEN 1 ELSE 0 END) AS acks,"
                  + "   SUM(CASE WHEN g.type IN ("
                  + plan
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
                  + "   AND occurred_at < ?2 GROUP BY pair_id) t ON t.pair_id = lr.id")) {
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
      long enrolled =
          single(
              c,
              "SELECT COUNT(*) FROM participant WHERE program_id = 1"
                  + " AND status <> 'WAITLISTED' AND joined_at < "
                  + end);
      long[] goals =
          pair(
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
      long skills =
          single(
              c,
              "SELECT COUNT(*) FROM (SELECT r.participant_id, r.skill, MIN(r.rated_at) f,"
                  + " MAX(r.rated_at) l FROM skill_rating r JOIN participant p"
                  + " ON p.id = r.participant_id WHERE p.program_id = 1 AND r.rated_at < "
                  + end
                  + " GROUP BY r.participant_id, r.skill HAVING COUNT(*) > 1) g"
                  + " JOIN skill_rating a ON a.participant_id = g.participant_id AND a.skill = g.skill"
                  + " AND a.rated_at = g.f JOIN skill_rating b ON b.participant_id = g.participant_id"
                  + " AND b.skill = g.skill AND b.rated_at = g.l");
      long dead =
          single(
              c,
              "SELECT COUNT(*) FROM outbox_message WHERE workspace_id = 1" + " AND state = 'DEAD'");
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
      long members =
          single(
              c,
              "SELECT COUNT(*) FROM member m LEFT JOIN participant p"
                  + " ON p.member_id = m.id AND p.program_id = 1 AND p.status <> 'WAITLISTED'"
                  + " WHERE m.workspace_id = 1 AND (m.left_at IS NULL OR m.left_at >= "
                  + from
                  + ")");
      long surveyAnswers =
          single(
              c,
              "SELECT SUM(t.responses) FROM survey_run r JOIN survey_tally t"
                  + " ON t.run_id = r.id WHERE r.program_id = 1 AND r.opened_at >= "
                  + from
                  + " AND r.opened_at < "
                  + end
                  + " AND (SELECT COUNT(*) FROM survey_invitee i"
                  + " WHERE i.run_id = r.id AND i.answered_on IS NOT NULL) >= 5");
      return new Baseline(
          scoreSum,
          sessions,
          minutes,
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

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String rounded(double[] values) {
    List<String> parts = new ArrayList<>();
    for (double v : values) {
      parts.add(String.format(Locale.ROOT, "%.1f", v));
    }
    return String.join(", ", parts);
  }

  private static void write(Path dir, Map<String, Object> result, Map<String, String> env)
      throws IOException {
    ResultFiles.write(
        dir,
        "report",
        "# Program report: 10 000 pairs, 1 000 000 signals\n\n"
            + "Goal (from the issue): the program report's time ≤ "
            + GOAL_RATIO
            + " × a hand-written SQL aggregate computing the same numbers, same file, same run.\n\n",
        "\nMethod: a program is generated into a fresh SQLite file (migrated like production, so"
            + " with the V9 report indexes) and `ANALYZE`d: 2 × pairs participants in 8"
            + " departments and 6 bands, every one paired; up to 20 sessions a pair on distinct"
            + " days; 2 goals a pair; skill re-ratings for a fifth of the mentees; the signals"
            + " spread over 180 days across 14 kinds (reminders 30 %, sessions 15 %, …, survey"
            + " answers 5 % by member); six anonymous monthly pulses; seven dead outbox messages."
            + " Then, alternately in the same JVM, `Reports.compute` (the whole `ProgramReport`:"
            + " per-pair scores and buckets, funnel, weekly series, health, survey trends through"
            + " the survey module, retention proxy, mix; in one EclipseLink transaction over the"
            + " connection pool) and the hand-written SQL (one statement joining every pair with"
            + " its session, signal and survey aggregates and computing the score in SQL, plus one"
            + " per program-wide number, on a plain JDBC connection). One warm-up each, then the"
            + " median of the runs. `same numbers` compares the score sum, sessions, minutes,"
            + " funnel, weekly totals, nudges, reminders, escalations, goals, skills, dead"
            + " messages, people in the mix groups shown, retention cohort and shown survey answers.\n\n",
        "goalRatio",
        GOAL_RATIO,
        result,
        env);
  }
}
