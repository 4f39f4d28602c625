package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.core.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tandem report}: the numbers it writes against a program this test generated itself (a
 * seeded random one), with the expectations counted here by plain loops over what was inserted.
 */
@DisplayName("tandem report")
class ReportCommandTest {

  static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  static final long DAY = 86_400_000L;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path config;

  /** What was inserted, for the expectations. */
  private final Map<Long, long[]> januaryByPair = new HashMap<>(); // pair → {sessions, minutes}

  private int pairs;
  private long goalsSetInJanuary;
  private long goalsDoneInJanuary;
  private long nudgesInJanuary;

  @BeforeEach
  void configure() throws Exception {
    config =
        Files.writeString(
            dir.resolve("tandem.yml"),
            "database:\n  url: jdbc:sqlite:%s\n".formatted(dir.resolve("tandem.db")));
    try (Database db = ImportCommandTest.open(dir)) {
      seed(db, new Random(42));
    }
  }

  private int tandem(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  @Test
  @DisplayName("csv: sessions, hours, per-pair numbers, goals and nudges match what was inserted")
  void csv() {
    int code =
        tandem(
            "report",
            "--program",
            "data PILOT",
            "--format",
            "csv",
            "--period",
            "2026-01-01..2026-01-31");
    assertThat(code).as(err.toString()).isZero();
    Map<String, String> cells = new HashMap<>();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("section,item,measure,value");
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", 4);
      cells.put(c[0] + "/" + c[1] + "/" + c[2], c[3]);
    }
    long sessions = januaryByPair.values().stream().mapToLong(v -> v[0]).sum();
    long minutes = januaryByPair.values().stream().mapToLong(v -> v[1]).sum();
    assertThat(cells.get("sessions//sessions")).isEqualTo(Long.toString(sessions));
    assertThat(cells.get("sessions//hours")).isEqualTo(two(minutes / 60.0));
    assertThat(cells.get("sessions//pairs")).isEqualTo(Integer.toString(pairs));
    assertThat(cells.get("sessions//sessions_per_pair")).isEqualTo(two((double) sessions / pairs));
    assertThat(cells.get("funnel//enrolled")).isEqualTo(Integer.toString(2 * pairs));
    assertThat(cells.get("funnel//matched")).isEqualTo(Integer.toString(2 * pairs));
    assertThat(cells.get("goals//set")).isEqualTo(Long.toString(goalsSetInJanuary));
    assertThat(cells.get("goals//done")).isEqualTo(Long.toString(goalsDoneInJanuary));
    assertThat(cells.get("signals//nudges")).isEqualTo(Long.toString(nudgesInJanuary));
    for (Map.Entry<Long, long[]> pair : januaryByPair.entrySet()) {
      String item = "pairs/pair " + pair.getKey() + "/";
      assertThat(cells.get(item + "sessions")).isEqualTo(Long.toString(pair.getValue()[0]));
      assertThat(cells.get(item + "hours")).isEqualTo(two(pair.getValue()[1] / 60.0));
    }
  }

  @Test
  @DisplayName("a trailing period (30d) ends at the as-of asked for, not at today's date")
  void trailingPeriodEndsAtTheAsOf() {
    int code =
        tandem(
            "report",
            "--program",
            "Data pilot",
            "--format",
            "json",
            "--as-of",
            "2026-01-31T12:00:00Z",
            "--period",
            "30d");

    assertThat(code).as(err.toString()).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.getAsJsonObject("period").get("from").getAsString())
        .isEqualTo("2026-01-01T12:00:00Z");
    assertThat(json.getAsJsonObject("period").get("to").getAsString())
        .isEqualTo("2026-01-31T12:00:00Z");
  }

  @Test
  @DisplayName("json and md carry the same totals; --out writes the file")
  void jsonAndMarkdown() throws Exception {
    Path file = dir.resolve("report.json");
    assertThat(
            tandem(
                "report",
                "--program",
                "Data pilot",
                "--format",
                "json",
                "--period",
                "2026-01-01..2026-01-31",
                "--out",
                file.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("Wrote the report to " + file);
    JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    long sessions = januaryByPair.values().stream().mapToLong(v -> v[0]).sum();
    assertThat(json.getAsJsonObject("health").get("sessions").getAsLong()).isEqualTo(sessions);
    assertThat(json.getAsJsonArray("pairs")).hasSize(pairs);
    assertThat(json.getAsJsonObject("period").get("from").getAsString())
        .isEqualTo("2026-01-01T00:00:00Z");

    assertThat(tandem("report", "--program", "Data pilot", "--format", "md")).isZero();
    assertThat(out.toString()).startsWith("# Report: Data pilot").contains("| mentor | mentee |");
  }

  @Test
  @DisplayName("a wrong format, period or program is one clear line, exit code 2")
  void mistakes() {
    assertThat(tandem("report", "--program", "Data pilot", "--format", "pdf")).isEqualTo(2);
    assertThat(err.toString()).contains("--format pdf is not csv, json or md");
    assertThat(tandem("report", "--program", "Data pilot", "--period", "2026-02-30..2026-03-01"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("has a day that does not exist");
    assertThat(tandem("report", "--program", "Nope")).isEqualTo(2);
    assertThat(err.toString()).contains("there is no program called \"Nope\"");
  }

  private static String two(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /**
   * A program made before January 2026 with 12 active pairs; sessions, goals and nudges at random
   * days from December to February, so that the January period has to cut them.
   */
  private void seed(Database db, Random random) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      exec(
          c,
          "INSERT INTO workspace (id, platform, external_id, created_at) VALUES (1, 'SLACK',"
              + " 'T_ACME', 0)");
      exec(
          c,
          "INSERT INTO program (id, workspace_id, name, cadence_days, status, is_default,"
              + " created_at) VALUES (1, 1, 'Data pilot', 14, 'RUNNING', FALSE, "
              + (JAN.toEpochMilli() - 40 * DAY)
              + ")");
      pairs = 12;
      long id = 100;
      List<Long> pairIds = new ArrayList<>();
      for (int p = 0; p < pairs; p++) {
        long[] people = new long[2];
        for (int k = 0; k < 2; k++) {
          long member = id++;
          exec(
              c,
              "INSERT INTO member (id, workspace_id, user_id, display_name, created_at,"
                  + " updated_at) VALUES ("
                  + member
                  + ", 1, 'U"
                  + member
                  + "', 'P"
                  + member
                  + "', 0, 0)");
          people[k] = id++;
          exec(
              c,
              "INSERT INTO participant (id, workspace_id, program_id, member_id, role, status,"
                  + " joined_at) VALUES ("
                  + people[k]
                  + ", 1, 1, "
                  + member
                  + ", '"
                  + (k == 0 ? "MENTOR" : "MENTEE")
                  + "', 'ACTIVE', "
                  + (JAN.toEpochMilli() - 35 * DAY)
                  + ")");
        }
        long pair = id++;
        pairIds.add(pair);
        exec(
            c,
            "INSERT INTO mentoring_pair (id, workspace_id, program_id, mentor_id, mentee_id,"
                + " status, score, reasons, created_at) VALUES ("
                + pair
                + ", 1, 1, "
                + people[0]
                + ", "
                + people[1]
                + ", 'ACTIVE', 70, '[]', "
                + (JAN.toEpochMilli() - 30 * DAY)
                + ")");
        januaryByPair.put(pair, new long[2]);
        int day = -30 + random.nextInt(5);
        while (day < 58) {
          long at = JAN.toEpochMilli() + day * DAY + 10 * 3_600_000L;
          int minutes = 15 + 15 * random.nextInt(8);
          exec(
              c,
              "INSERT INTO mentoring_session (id, workspace_id, program_id, participant_id,"
                  + " occurred_at, minutes, topic, pair_id, local_date, number) VALUES ("
                  + (id++)
                  + ", 1, 1, "
                  + people[0]
                  + ", "
                  + at
                  + ", "
                  + minutes
                  + ", 't', "
                  + pair
                  + ", 'd"
                  + day
                  + "', 0)");
          if (day >= 0 && day < 31) {
            januaryByPair.get(pair)[0]++;
            januaryByPair.get(pair)[1] += minutes;
          }
          day += 1 + random.nextInt(12);
        }
        for (int g = 0; g < 3; g++) {
          int set = -20 + random.nextInt(60);
          Integer done = random.nextBoolean() ? set + random.nextInt(20) : null;
          exec(
              c,
              "INSERT INTO goal (id, workspace_id, program_id, pair_id, number, owner_id,"
                  + " created_by, text, created_at, done_at) VALUES ("
                  + (id++)
                  + ", 1, 1, "
                  + pair
                  + ", "
                  + (g + 1)
                  + ", "
                  + people[1]
                  + ", "
                  + people[1]
                  + ", 'g', "
                  + (JAN.toEpochMilli() + set * DAY)
                  + ", "
                  + (done == null ? "NULL" : Long.toString(JAN.toEpochMilli() + done * DAY))
                  + ")");
          if (set >= 0 && set < 31) {
            goalsSetInJanuary++;
          }
          if (done != null && done >= 0 && done < 31) {
            goalsDoneInJanuary++;
          }
        }
        int nudges = random.nextInt(4);
        for (int n = 0; n < nudges; n++) {
          int day2 = -10 + random.nextInt(50);
          exec(
              c,
              "INSERT INTO signal (id, workspace_id, type, actor_member_id, program_id,"
                  + " participant_id, pair_id, occurred_at, details) VALUES ("
                  + (id++)
                  + ", 1, 'NUDGE_SENT', NULL, 1, "
                  + people[0]
                  + ", "
                  + pair
                  + ", "
                  + (JAN.toEpochMilli() + day2 * DAY)
                  + ", '{}')");
          if (day2 >= 0 && day2 < 31) {
            nudgesInJanuary++;
          }
        }
      }
      c.commit();
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }
}
