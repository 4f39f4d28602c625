package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code tandem demo --exit} plays a whole pilot through the real adapters and ends by itself. */
class DemoTest {

  private static final int PEOPLE = 12;

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"slack", "discord"})
  @DisplayName("the pilot matches everyone, pairs meet, the quiet pair climbs the nudge ladder")
  void pilot(String platform) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));

    int exit =
        cli.execute(
            "demo", "--platform", platform, "--people", "" + PEOPLE, "--seed", "3", "--exit");

    assertThat(exit).isZero();
    Demo demo = cli.getSubcommands().get("demo").getCommand();
    Pilot.Outcome outcome = demo.outcome;
    // everyone paired in the first round, and two more pairs in the program admin's round
    assertThat(outcome.people()).isEqualTo(PEOPLE + 1);
    assertThat(outcome.pairs()).isEqualTo(PEOPLE / 2 + 2);
    // the sessions people saw logged are the sessions in the database
    assertThat(outcome.sessionsLogged())
        .isPositive()
        .isEqualTo(count(demo, "SELECT COUNT(*) FROM mentoring_session"));
    assertThat(outcome.nudges()).isPositive();
    assertThat(outcome.adminAlerts()).isPositive();
    assertThat(outcome.surveyAnswers()).isPositive();
    assertThat(outcome.surveyResults()).containsPattern("\\d+ of " + PEOPLE + " answered");
    assertThat(outcome.report())
        .containsPattern("Funnel\\W+" + (PEOPLE + 1) + " enrolled")
        .containsPattern("Sessions\\W+" + outcome.sessionsLogged() + " \\(");
    // the report's three charts and the surveys' charts, as real images, in the folder it named
    assertThat(outcome.charts()).hasSizeGreaterThanOrEqualTo(4);
    for (Path chart : outcome.charts()) {
      assertThat(ImageIO.read(chart.toFile())).as(chart.toString()).isNotNull();
      assertThat(out.toString()).contains(chart.getFileName().toString());
    }
    // with --exit Tandem stops, so a dashboard link would be dead: the demo says what to do
    assertThat(demo.dashboard).isNull();
    assertThat(out.toString())
        .doesNotContain("/dashboard?t=")
        .contains("The dashboard needs Tandem running: run the demo without --exit");
    assertThat(out.toString())
        .contains("maya     › ")
        .containsPattern("\\[We met \\w+ — log it\\]")
        .contains("Tandem sent you both a calendar invitation")
        .contains("[file: tandem-pair-")
        .contains("▸ week 6 of 6")
        .contains("Check-in: 30 days")
        .containsPattern("check-in is saved: going [1-5] of 5")
        .contains("missed 3 rounds")
        .contains("not enough responses")
        .contains(PilotGuidance.AGENDA)
        .contains("Settled: your working agreement");
    // one pair settled a difference, the others (but the quiet one) agreed at once
    assertThat(count(demo, "SELECT COUNT(*) FROM working_agreement WHERE status = 'SETTLED'"))
        .isEqualTo(1);
    assertThat(count(demo, "SELECT COUNT(*) FROM working_agreement WHERE status = 'AGREED'"))
        .isPositive();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"slack", "discord"})
  @DisplayName(
      "a program admin who is no workspace admin ends a pair, admits the waitlist and re-pairs;"
          + " a mentor takes two mentees; the pilot closes at its end")
  void programAdminRunsThePilotToItsClose(String platform) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));

    int exit =
        cli.execute("demo", "--platform", platform, "--people", "8", "--seed", "5", "--exit");

    assertThat(exit).isZero();
    Demo demo = cli.getSubcommands().get("demo").getCommand();
    String transcript = out.toString();
    // maya, a workspace admin, granted the pilot to rhea, who is none
    assertThat(rows(demo, "SELECT user_id, granted_by FROM program_admin")).hasSize(1);
    assertThat(transcript).containsPattern("\\(to rhea\\) .*made you an admin of \\W*Spring pilot");
    // rhea ended the quiet pair with a reason, and both were paired again in her round
    java.util.regex.Matcher ended =
        java.util.regex.Pattern.compile(
                "rhea +› /tandem\\S* pair[ -]end.*\\R.*Ended the pairing of (\\w+) and (\\w+)")
            .matcher(transcript);
    assertThat(ended.find()).as(transcript).isTrue();
    assertThat(
            rows(
                demo,
                "SELECT details FROM signal WHERE type = 'PAIR_ENDED'"
                    + " AND details LIKE '%they have not met in four weeks%'"))
        .hasSize(1);
    for (String person : List.of(ended.group(1), ended.group(2))) {
      assertThat(
              count(
                  demo,
                  "SELECT COUNT(*) FROM mentoring_pair p JOIN participant a"
                      + " ON a.id IN (p.mentor_id, p.mentee_id) JOIN member m ON m.id = a.member_id"
                      + " WHERE LOWER(m.display_name) = '"
                      + person.toLowerCase(java.util.Locale.ROOT)
                      + "'"))
          .as(person + " was paired, and re-paired after the pair ended")
          .isEqualTo(2);
    }
    // rhea raised the cap: the late joiner moved up from the waitlist, was told, and paired
    assertThat(transcript)
        .containsPattern("rhea +› /tandem\\S* program[ -]edit .*cap\\D*9")
        .containsPattern("(?i)Admitted from the waitlist, each told privately: \\W*sofia")
        .containsPattern("\\(to sofia\\) You're in:");
    assertThat(
            count(
                demo,
                "SELECT COUNT(*) FROM mentoring_pair p JOIN participant b ON b.id = p.mentee_id"
                    + " JOIN member m ON m.id = b.member_id"
                    + " WHERE LOWER(m.display_name) = 'sofia'"))
        .isEqualTo(1);
    // one mentor had two mentees at the same time, and logged with each by name
    assertThat(
            count(
                demo,
                "SELECT COUNT(*) FROM mentoring_pair a JOIN mentoring_pair b"
                    + " ON a.mentor_id = b.mentor_id AND a.id < b.id"
                    + " WHERE b.created_at < COALESCE(a.ended_at, 9000000000000000000)"
                    + " AND a.created_at < COALESCE(b.ended_at, 9000000000000000000)"))
        .isEqualTo(1);
    // a week before the end both people of each pair heard; then the pilot closed by itself,
    // its pairs ended, and both admins got the final report
    assertThat(transcript).containsPattern("ends in a week, on \\d{4}-\\d\\d-\\d\\d");
    assertThat(rows(demo, "SELECT status FROM program WHERE ended_at IS NOT NULL"))
        .containsExactly("CLOSED");
    assertThat(count(demo, "SELECT COUNT(*) FROM mentoring_pair WHERE status <> 'ENDED'")).isZero();
    assertThat(transcript)
        .containsPattern("\\(to maya\\) \\W*Spring pilot\\W* has come to the end of its length")
        .containsPattern("\\(to rhea\\) \\W*Spring pilot\\W* has come to the end of its length");
    // the program admin set targets early, and people said what changed when they reached a goal
    assertThat(transcript).contains("Pairs meeting monthly").contains("Tell what changed");
    assertThat(count(demo, "SELECT COUNT(*) FROM goal WHERE outcome_text IS NOT NULL"))
        .isPositive();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"slack", "discord"})
  @DisplayName("the transcript labels form answers, cuts no word and prints messages as delivered")
  void readableTranscript(String platform) {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));

    int exit = cli.execute("demo", "--platform", platform, "--people", "4", "--exit");

    assertThat(exit).isZero();
    String transcript = out.toString();
    assertThat(transcript)
        .containsPattern(
            "\\[fills in the form: seniority \\d · meets by \\w+ · department \\w+ · time zone \\S+")
        .containsPattern("\\[and the skills page: teaches .+ · wants to learn .+ · free ")
        .containsPattern(
            "\\[fills in the form: learning \\d · meeting as planned \\d · would help most: ");
    // a line cut short ends after a whole word or sentence: "…" follows a space, never a letter
    assertThat(transcript.lines().filter(l -> l.matches(".*[\\p{L}\\d-]… .*|.*[\\p{L}\\d-]…$")))
        .isEmpty();
    // each person's welcome arrives when they join, before the introduction to their partner
    int welcome = transcript.indexOf("welcome to *Spring pilot*");
    if (welcome < 0) {
      welcome = transcript.indexOf("welcome to **Spring pilot**");
    }
    assertThat(welcome).isPositive().isLessThan(transcript.indexOf("Meet your Tandem partner"));
    assertThat(transcript.lastIndexOf("welcome to "))
        .isLessThan(transcript.indexOf("match preview"));
    // hints name commands as the platform types them
    if (platform.equals("discord")) {
      assertThat(transcript)
          .contains("`/tandem-admin program open name:Spring pilot`")
          .doesNotContain("`/tandem program ");
    } else {
      assertThat(transcript).contains("`/tandem program open Spring pilot`");
    }
  }

  @Test
  @DisplayName("without --exit it keeps running for the dashboard until Enter, or the input ends")
  void keepsRunningUntilInputEnds() {
    StringWriter out = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    java.io.InputStream stdin = System.in;
    System.setIn(
        new java.io.ByteArrayInputStream("\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      int exit = cli.execute("demo", "--people", "4");

      assertThat(exit).isZero();
      assertThat(out.toString()).contains("Press Enter (or Ctrl-C) to stop it.");
      // the link is asked for back in the real time, so its expiry is a real date and time
      Demo demo = cli.getSubcommands().get("demo").getCommand();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      assertThat(demo.dashboard)
          .containsPattern("http://127\\.0\\.0\\.1:\\d+/dashboard\\?t=")
          .containsPattern(
              "The link works until ("
                  + today.minusDays(1)
                  + "|"
                  + today
                  + "|"
                  + today.plusDays(1)
                  + ") \\d\\d:\\d\\d ");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  @DisplayName("--people outside 4..40 is refused with an example")
  void badPeople() {
    StringWriter err = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("demo", "--people", "2", "--exit");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--people must be between 4 and 40").contains("Example");
  }

  /** The first column of every row a query finds, as text. */
  private static List<String> rows(Demo demo, String sql) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demo.databaseFile);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  private static long count(Demo demo, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + demo.databaseFile);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
