package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.ChangeProgram;
import io.tandem.core.programs.CreateProgram;
import io.tandem.core.store.Database;
import io.tandem.core.store.StoreStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem import participants FILE.csv --program P} as an operator meets it. */
@DisplayName("tandem import participants")
class ImportCommandTest {

  static final String HEADER =
      "user_id,name,role,department,band,manager,communication,timezone,teach,learn,availability,"
          + "capacity";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path config;

  @BeforeEach
  void configure() throws Exception {
    config =
        Files.writeString(
            dir.resolve("tandem.yml"),
            "database:\n  url: jdbc:sqlite:%s\n".formatted(dir.resolve("tandem.db")));
  }

  int tandem(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  /** Opens the database the CLI uses, as a running Tandem would share it. */
  static Database open(Path dir) {
    return Database.open(
        "jdbc:sqlite:" + dir.resolve("tandem.db"), null, null, 2, Clock.systemUTC());
  }

  /** An admin creates and opens a program in chat, in a workspace. */
  static void program(Path dir, Platform platform, String workspace, String name, Integer cap) {
    Actor admin = new Actor(platform, workspace, "U_MAYA", "Maya", "UTC", true);
    try (Database db = open(dir)) {
      new CreateProgram(db, Clock.systemUTC())
          .create(admin, new Command.CreateProgram(name, 14, 26, cap, 1, 365, List.of("SQL"), ""));
      new ChangeProgram(db, Clock.systemUTC())
          .change(admin, new Command.ChangeProgram(Command.ProgramAction.OPEN, name));
    }
  }

  Map<String, Long> counts() {
    try (Database db = open(dir)) {
      return StoreStats.counts(db);
    }
  }

  Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static String mentee(String id, String name) {
    return id
        + ","
        + name
        + ",mentee,Finance,5,,call,Europe/London,Budgeting,"
        + "\"AI tools 1, Figma 2\",Tue 9-12,";
  }

  @Test
  @DisplayName("a good file enrols everyone and prints what happened; small files show no progress")
  void imports() throws Exception {
    // GIVEN an open program with a pilot cap of 2
    program(dir, Platform.SLACK, "T_ACME", "Data pilot", 2);
    Path csv =
        file(
            "people.csv",
            "\uFEFF"
                + HEADER
                + "\r\nU_ANA,\"Lima, Ana\",mentor,Marketing,1,,call,Europe/Berlin,"
                + "\"Instagram reels, TikTok\",Public speaking 2,Tue 14-17,1\r\n"
                + mentee("U_BEN", "Ben")
                + "\r\n"
                + mentee("U_CHI", "Chioma")
                + "\r\n");

    // WHEN the operator imports it
    int exit = tandem("import", "participants", csv.toString(), "--program", "data PILOT");

    // THEN everyone is in, the third on the waitlist, and it says so
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("Imported " + csv + " into \"Data pilot\" (slack workspace T_ACME): 3 rows")
        .contains("  enrolled:      2\n")
        .contains("  waitlisted:    1 (the pilot cap is 2; they move up in this order)\n")
        .contains("    Chioma (U_CHI, row 4)\n")
        .contains("  already there: 0\n")
        .contains("Welcome messages are queued");
    assertThat(err.toString()).isEmpty();
    assertThat(counts()).containsEntry("participant", 3L).containsEntry("outbox_message", 3L);

    // WHEN it is imported again THEN nobody is added and everyone is reported
    out.getBuffer().setLength(0);
    assertThat(tandem("import", "participants", csv.toString(), "--program", "Data pilot"))
        .isZero();
    assertThat(out.toString())
        .contains("  enrolled:      0\n")
        .contains("  already there: 3 (left as they were)\n")
        .contains("    Lima, Ana (U_ANA, row 2): already a mentor\n")
        .contains("    Chioma (U_CHI, row 4): already a mentee, waitlisted\n");
    assertThat(counts()).containsEntry("participant", 3L).containsEntry("outbox_message", 3L);
  }

  @Test
  @DisplayName("a file with problems is rejected with one line per problem, exit 2, nothing stored")
  void rejects() throws Exception {
    program(dir, Platform.SLACK, "T_ACME", "Data pilot", null);
    Map<String, Long> before = counts();
    Path csv =
        file(
            "people.csv",
            String.join(
                "\n",
                HEADER,
                mentee("U_BEN", "Ben"),
                mentee("U_CHI", "Chioma").replace("call", "fax"),
                mentee("U_BEN", "Ben again"),
                ""));

    int exit = tandem("import", "participants", csv.toString(), "--program", "Data pilot");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            csv
                + ": row 3, column 7 (communication): `fax` is not chat, call or in person. — e.g."
                + " call",
            csv
                + ": row 4, column 1 (user_id): U_BEN is on row 2 already; each person may appear"
                + " once — e.g. U024BE7LH",
            "Nothing was imported (2 problems). Fix the file and run the import again.");
    assertThat(out.toString()).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  @DisplayName("a missing file, a missing program and an ambiguous workspace exit 2")
  void cannotStart() throws Exception {
    Path csv = file("people.csv", HEADER + "\n" + mentee("U_BEN", "Ben") + "\n");

    assertThat(tandem("import", "participants", "nope.csv", "--program", "Data pilot"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("cannot read nope.csv: there is no such file");

    program(dir, Platform.SLACK, "T_ACME", "Data pilot", null);
    program(dir, Platform.DISCORD, "G_42", "Data pilot", null);
    err.getBuffer().setLength(0);
    assertThat(tandem("import", "participants", csv.toString(), "--program", "Data pilot"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "the database has several workspaces; say which with --platform slack|discord and"
                + " --workspace TEAM_OR_GUILD_ID (workspaces in the database: slack T_ACME,"
                + " discord G_42)");

    out.getBuffer().setLength(0);
    assertThat(
            tandem(
                "import",
                "participants",
                csv.toString(),
                "--program",
                "Data pilot",
                "--platform",
                "Discord"))
        .isZero();
    assertThat(out.toString()).contains("(discord workspace G_42)");

    err.getBuffer().setLength(0);
    assertThat(tandem("import", "participants", csv.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--program=NAME'");
  }

  @Test
  @DisplayName("a large file shows progress on stderr every 1,000 rows")
  void progress() throws Exception {
    program(dir, Platform.SLACK, "T_ACME", "Data pilot", null);
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 2_500; i++) {
      text.append(mentee("U" + i, "Person " + i)).append('\n');
    }
    Path csv = file("big.csv", text.toString());

    int exit = tandem("import", "participants", csv.toString(), "--program", "Data pilot");

    assertThat(exit).isZero();
    assertThat(err.toString().lines())
        .containsExactly(
            "read 2,500 rows",
            "validated 1,000 / 2,500 rows",
            "validated 2,000 / 2,500 rows",
            "validated 2,500 / 2,500 rows",
            "stored 1,000 / 2,500 rows",
            "stored 2,000 / 2,500 rows",
            "stored 2,500 / 2,500 rows",
            "committing 2,500 rows…");
    assertThat(out.toString()).contains("  enrolled:      2,500\n");
  }
}
