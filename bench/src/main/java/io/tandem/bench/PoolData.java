package io.tandem.bench;

import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A SQLite database with one Slack workspace, one running program ({@code Bench}) and {@code
 * people} active participants with complete profiles, odd ids mentors (bands 1-3) and even ids
 * mentees (bands 4-6), so every mentor may take every mentee but for shared managers (groups of
 * about ten). Skills, departments, time zones, weekly hours and preferences are random; the first
 * {@code 2 * pairs} people are in active pairs (mentor 2k-1 with mentee 2k). Written with plain
 * JDBC in one transaction after Tandem's migrations made the schema.
 */
final class PoolData {
  static final String PROGRAM = "Bench";
  private static final String[] ZONES = {
    "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata", "UTC"
  };
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri"};
  private static final String[] COMMUNICATION = {"CHAT", "CALL", "IN_PERSON"};
  private static final int SKILLS = 40;

  private PoolData() {}

  static void generate(String url, int people, int pairs, Random random) throws SQLException {
    try (Database db = Database.open(DatabaseSettings.of(url, null, null, 1), Clock.systemUTC());
        Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute(
            "INSERT INTO workspace (id, platform, external_id, created_at) VALUES"
                + " (1, 'SLACK', 'T_BENCH', 0)");
        st.execute(
            "INSERT INTO program (id, workspace_id, name, cadence_days, status, is_default,"
                + " created_at) VALUES (1, 1, '"
                + PROGRAM
                + "', 14, 'RUNNING', TRUE, 0)");
      }
      insertPeople(c, people, random);
      try (PreparedStatement pair =
          c.prepareStatement(
              "INSERT INTO mentoring_pair (id, workspace_id, program_id, mentor_id, mentee_id,"
                  + " status, score, reasons, created_at) VALUES (?, 1, 1, ?, ?, 'ACTIVE', 70,"
                  + " '[]', 0)")) {
        for (int p = 1; p <= pairs; p++) {
          pair.setLong(1, p);
          pair.setLong(2, 2L * p - 1);
          pair.setLong(3, 2L * p);
          pair.addBatch();
        }
        pair.executeBatch();
      }
      c.commit();
    }
  }

  private static void insertPeople(Connection c, int people, Random random) throws SQLException {
    try (PreparedStatement member =
            c.prepareStatement(
                "INSERT INTO member (id, workspace_id, user_id, display_name, created_at,"
                    + " updated_at) VALUES (?, 1, ?, ?, 0, 0)");
        PreparedStatement participant =
            c.prepareStatement(
                "INSERT INTO participant (id, workspace_id, program_id, member_id, role, status,"
                    + " joined_at, department, seniority_band, manager, communication, time_zone,"
                    + " capacity, can_teach, wants_to_learn, availability, profile_complete)"
                    + " VALUES (?, 1, 1, ?, ?, 'ACTIVE', 0, ?, ?, ?, ?, ?, 1, ?, ?, ?, TRUE)")) {
      for (int i = 1; i <= people; i++) {
        boolean mentor = i % 2 == 1;
        member.setLong(1, i);
        member.setString(2, "U" + i);
        member.setString(3, "Person " + i);
        member.addBatch();
        participant.setLong(1, i);
        participant.setLong(2, i);
        participant.setString(3, mentor ? "MENTOR" : "MENTEE");
        participant.setString(4, "Dept " + random.nextInt(12));
        participant.setInt(5, mentor ? 1 + random.nextInt(3) : 4 + random.nextInt(3));
        participant.setString(6, "Manager " + random.nextInt(Math.max(1, people / 10)));
        participant.setString(7, COMMUNICATION[random.nextInt(COMMUNICATION.length)]);
        participant.setString(8, ZONES[random.nextInt(ZONES.length)]);
        participant.setString(9, String.join(", ", skills(random, 3, false)));
        participant.setString(10, String.join(", ", skills(random, 2, true)));
        participant.setString(11, hours(random));
        participant.addBatch();
      }
      member.executeBatch();
      participant.executeBatch();
    }
  }

  private static List<String> skills(Random random, int count, boolean rated) {
    List<String> out = new ArrayList<>();
    List<Integer> taken = new ArrayList<>();
    while (out.size() < count) {
      int s = random.nextInt(SKILLS);
      if (!taken.contains(s)) {
        taken.add(s);
        out.add("Skill " + s + (rated ? " " + (1 + random.nextInt(3)) : ""));
      }
    }
    return out;
  }

  private static String hours(Random random) {
    int day = random.nextInt(DAYS.length);
    int from = 8 + random.nextInt(8);
    int other = (day + 1 + random.nextInt(DAYS.length - 1)) % DAYS.length;
    int from2 = 8 + random.nextInt(8);
    return DAYS[day]
        + " "
        + from
        + "-"
        + (from + 2)
        + ", "
        + DAYS[other]
        + " "
        + from2
        + "-"
        + (from2 + 2);
  }
}
