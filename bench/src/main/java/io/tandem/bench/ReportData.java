package io.tandem.bench;

import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The program {@link ReportBenchmark} reports on, written straight into a migrated SQLite file: 2 ×
 * pairs participants in 8 departments and 6 bands, all paired; up to 20 sessions a pair on distinct
 * days, each rated by its logger; 2 goals a pair, each with one task; a skill re-rating for a fifth
 * of the mentees; the signals of the kinds in {@link #KINDS} spread over 180 days; six anonymous
 * monthly pulses; a few dead outbox messages.
 */
final class ReportData {
  static final long DAY = 86_400_000L;
  static final long WEEK = 7 * DAY;
  static final int CADENCE_DAYS = 14;
  static final int PROGRAM_DAYS = 180;
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Instant CREATED = NOW.minus(Duration.ofDays(PROGRAM_DAYS));
  static final String[] DEPARTMENTS = {
    "Marketing", "Sales", "Finance", "Legal", "Engineering", "Design", "Support", "People"
  };

  /** Signal kinds with their share of the generated log, in per mille. */
  static final Map<String, Integer> KINDS = new LinkedHashMap<>();

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

  private final Connection c;
  private final int pairs;
  private final Random random;

  /** For the ratings and tasks, so that the rest of the data stays what it was before them. */
  private final Random extra = new Random(11);

  private final long created = CREATED.toEpochMilli();
  private long id = 1;
  private long sessions;
  private long goals;

  private ReportData(Connection c, int pairs, Random random) {
    this.c = c;
    this.pairs = pairs;
    this.random = random;
  }

  /** Generates the program with {@code signals} signals; returns {signals, sessions, goals}. */
  static long[] generate(Database db, int pairs, int signals, Random random) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      ReportData data = new ReportData(c, pairs, random);
      data.program();
      data.people();
      data.activity();
      data.signals(signals);
      data.surveys();
      data.deadMessages();
      c.commit();
      return new long[] {signals, data.sessions, data.goals};
    }
  }

  private void program() throws SQLException {
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
  }

  private void people() throws SQLException {
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
  }

  private void activity() throws SQLException {
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
                    + " skill, level, rated_at) VALUES (?, 1, ?, 'SQL', ?, ?)");
        PreparedStatement note =
            c.prepareStatement(
                "INSERT INTO session_note (id, workspace_id, session_id, participant_id,"
                    + " minutes, topic, usefulness, created_at, updated_at)"
                    + " VALUES (?, 1, ?, ?, 30, 't', ?, 0, 0)");
        PreparedStatement task =
            c.prepareStatement(
                "INSERT INTO goal_task (id, workspace_id, pair_id, goal_id, number, text,"
                    + " created_by, created_at, done_at) VALUES (?, 1, ?, ?, ?, 't', ?, ?, ?)")) {
      for (int p = 1; p <= pairs; p++) {
        sessions(session, note, p);
        for (int g = 1; g <= 2; g++) {
          long set = created + (14 + random.nextInt(150)) * DAY;
          long goalId = id++;
          goal.setLong(1, goalId);
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
          task(task, p, goalId, g, set);
        }
        if (p % 5 == 0) {
          ratings(rating, p);
        }
      }
      session.executeBatch();
      note.executeBatch();
      goal.executeBatch();
      task.executeBatch();
      rating.executeBatch();
    }
  }

  /** Two ratings of the mentee of pair {@code p}: at joining and 150 days on. */
  private void ratings(PreparedStatement rating, int p) throws SQLException {
    for (int k = 0; k < 2; k++) {
      rating.setLong(1, id++);
      rating.setLong(2, 2L * p);
      rating.setInt(3, 1 + random.nextInt(5));
      rating.setLong(4, created + (k == 0 ? 1 : 150) * DAY);
      rating.addBatch();
    }
  }

  /** Goal {@code g}'s one task, set a day after the goal; done about half the time. */
  private void task(PreparedStatement task, int p, long goalId, int g, long set)
      throws SQLException {
    task.setLong(1, id++);
    task.setLong(2, p);
    task.setLong(3, goalId);
    task.setInt(4, g);
    task.setLong(5, 2L * p - 1);
    task.setLong(6, set + DAY);
    if (extra.nextBoolean()) {
      task.setLong(7, set + (1 + extra.nextInt(20)) * DAY);
    } else {
      task.setNull(7, java.sql.Types.BIGINT);
    }
    task.addBatch();
  }

  private void sessions(PreparedStatement session, PreparedStatement note, int p)
      throws SQLException {
    int day = 14 + random.nextInt(14);
    int n = 0;
    int target = random.nextInt(21);
    while (n < target && day < PROGRAM_DAYS) {
      long sessionId = id++;
      session.setLong(1, sessionId);
      session.setLong(2, 2L * p - 1);
      session.setLong(3, created + day * DAY + 36_000_000L);
      session.setInt(4, 15 * (1 + random.nextInt(8)));
      session.setLong(5, p);
      session.setString(6, CREATED.plus(Duration.ofDays(day)).toString().substring(0, 10));
      session.setInt(7, ++n);
      session.addBatch();
      sessions++;
      note.setLong(1, id++);
      note.setLong(2, sessionId);
      note.setLong(3, 2L * p - 1);
      note.setInt(4, 1 + extra.nextInt(5));
      note.addBatch();
      day += 1 + random.nextInt(16);
    }
  }

  private void signals(int signals) throws SQLException {
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
  }

  private void surveys() throws SQLException {
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
  }

  private void deadMessages() throws SQLException {
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
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }
}
