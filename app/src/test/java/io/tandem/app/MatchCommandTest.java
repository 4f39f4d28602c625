package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.StoreStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem match --program P --dry-run} as an operator meets it. */
@DisplayName("tandem match --dry-run")
class MatchCommandTest {

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

  private int tandem(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  private Map<String, Long> counts() {
    try (Database db = ImportCommandTest.open(dir)) {
      return StoreStats.counts(db);
    }
  }

  @Test
  @DisplayName(
      "six imported people: prints the pairs that fit, who is left out and why, writes nothing")
  void dryRun() throws Exception {
    // GIVEN two junior mentors and four mentees, imported from a CSV file:
    //  - Ana teaches Instagram/TikTok, which Ben wants; Dev teaches AI tools/Figma, which Chioma
    //    wants; both pairs meet by the same means at shared hours
    //  - Eve is band 1: no mentor is below her
    //  - Finn is senior but wants what nobody teaches, at hours nobody is free: the two mentors
    //    (capacity 1 each) go to Ben and Chioma
    ImportCommandTest.program(dir, Platform.SLACK, "T_ACME", "Data pilot", null);
    Path csv =
        Files.writeString(
            dir.resolve("six.csv"),
            String.join(
                "\n",
                "user_id,name,role,department,band,communication,timezone,teach,learn,availability,"
                    + "capacity",
                "U_ANA,Ana,mentor,Marketing,1,call,Europe/Berlin,\"Instagram reels, TikTok\","
                    + "Public speaking 2,Tue 14-17,1",
                "U_DEV,Dev,mentor,Engineering,2,chat,Europe/Berlin,AI tools; Figma,Negotiation 2,"
                    + "Wed 14-17,1",
                "U_BEN,Ben,mentee,Finance,5,call,Europe/Berlin,Public speaking,"
                    + "Instagram reels 1; TikTok 2,Tue 14-17,",
                "U_CHI,Chioma,mentee,Operations,4,chat,Europe/Berlin,Negotiation,"
                    + "AI tools 1; Figma 2,Wed 14-17,",
                "U_EVE,Eve,mentee,Sales,1,call,Europe/Berlin,Budgeting,Instagram reels 1,"
                    + "Tue 14-17,",
                "U_FIN,Finn,mentee,Legal,6,in person,Asia/Tokyo,Golf,Sailing 1,Sun 3-4,",
                ""));
    assertThat(tandem("import", "participants", csv.toString(), "--program", "Data pilot"))
        .isZero();
    Map<String, Long> before = counts();
    out.getBuffer().setLength(0);

    // WHEN the operator runs the dry run
    int exit = tandem("match", "--program", "Data pilot", "--dry-run");

    // THEN it prints every pair with score and reasons, the unmatched with why, and the total
    assertThat(exit).isZero();
    String printed = out.toString();
    assertThat(printed)
        .contains(
            "Dry run for \"Data pilot\" (slack workspace T_ACME): 2 mentors, 4 mentees. Nothing"
                + " was written.")
        .contains("Pairs (2):")
        .containsPattern("  Ana \\(U_ANA\\) → Ben \\(U_BEN\\)  score \\d+: .*Instagram reels")
        .containsPattern("  Dev \\(U_DEV\\) → Chioma \\(U_CHI\\)  score \\d+: .*AI tools")
        .contains("Unmatched (2):")
        .contains("  Eve (U_EVE, mentee): no mentor in a lower band than yours")
        .contains("  Finn (U_FIN, mentee): all suitable mentors are at capacity")
        .containsPattern("Total: 2 pairs, total score \\d+, 2 unmatched")
        .contains("/tandem match approve");
    assertThat(err.toString()).isEmpty();

    // AND nothing was written: no proposed pairs, no signals
    assertThat(counts()).isEqualTo(before);
    assertThat(before).containsEntry("mentoring_pair", 0L);
  }

  @Test
  @DisplayName("without --dry-run it points to chat for approving and exits 2")
  void onlyDryRun() {
    int exit = tandem("match", "--program", "Data pilot");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("add --dry-run")
        .contains("/tandem match preview and then /tandem match approve in chat");
  }

  @Test
  @DisplayName("an unknown program exits 2 and names the programs there are")
  void unknownProgram() {
    ImportCommandTest.program(dir, Platform.SLACK, "T_ACME", "Data pilot", null);

    int exit = tandem("match", "--program", "Nope", "--dry-run");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "there is no program called \"Nope\" in slack workspace T_ACME; its programs are:"
                + " \"Data pilot\"");
  }
}
