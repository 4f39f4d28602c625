package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.app.Tandem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code report} played on every platform: admins get the headline, others are refused. */
@DisplayName("Program report in chat, on every platform")
class ReportScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  @AfterEach
  void stop() throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      List<String> answeredTwice = chat.answeredTwice();
      chat.close();
      assertThat(answeredTwice).as("requests answered more than once").isEmpty();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("after matching and one logged session, the admin's report shows the funnel")
  void report(SimulatedChat.Kind kind) throws Exception {
    // GIVEN four people enrolled, paired, and one session logged by Ana's pair
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem = Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
    assertThat(chat.run("ana", "log 45m Instagram reels").text()).containsIgnoringCase("logged");

    // WHEN a participant asks for the report
    // THEN they are refused, privately (Discord does not even offer them /tandem-admin)
    if (kind == SimulatedChat.Kind.DISCORD) {
      assertThatThrownBy(() -> chat.run("ben", "report"))
          .hasMessageContaining("not offered /tandem-admin");
    } else {
      SimulatedChat.Answer refused = chat.run("ben", "report");
      assertThat(refused.privately()).isTrue();
      assertThat(refused.text()).contains("Only program admins");
    }

    // WHEN the admin asks for it
    SimulatedChat.Answer report = chat.run("maya", "report");

    // THEN the headline numbers match what happened, and no new pair needs attention yet
    assertThat(report.privately()).isTrue();
    assertThat(report.text())
        .contains("Report:")
        .contains("4 enrolled → 4 matched (100%) → 2 first session (50%) → 0 meeting regularly")
        .contains("1 (0.5 per pair), 0.8 hours")
        .contains("0 thriving · 2 steady · 0 at risk · 0 gone quiet")
        .contains("proxy: members who left the workspace or server");

    // AND the three charts arrive as PNG images in a direct message to the admin
    assertThat(chat.awaitMessageTo("maya", "Charts for the report")).contains("funnel");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(chartFiles())
                    .containsExactlyInAnyOrder("funnel.png", "engagement.png", "retention.png"));
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "the report and its CSV show tasks set and done, session usefulness above the threshold"
          + " only, and the day's events")
  void measures(SimulatedChat.Kind kind) throws Exception {
    // GIVEN an anonymity threshold of 3, four people paired (Ana with Ben, Dev with Chioma)
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    String today = LocalDate.ofInstant(noon, ZoneOffset.UTC).toString();
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    Path database = dir.resolve("tandem.db");
    tandem =
        Tandem.start(
            chat.config("jdbc:sqlite:" + database)
                .withSurveys(new io.tandem.config.SurveysConfig(3, List.of())),
            clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");

    // AND three ratings of today's sessions: Ana 5 and Ben 4 for theirs, Dev 3 for his
    rate("ana", today, "5");
    rate("ben", today, "4");
    rate("dev", today, "3");
    // AND Ana and Ben's plan: one goal, two tasks, one of them done
    chat.run("ben", "goal add Post one reel a week for me");
    chat.run("ana", "task add 1 Film a 15-second reel");
    chat.run("ben", "task add 1 Learn the editor");
    chat.run("ben", "task done 1");

    // WHEN the admin asks for the report
    String report = chat.run("maya", "report").text();

    // THEN it counts the tasks, shows the mean of the program's three ratings (each pair has
    // fewer than three: not shown) and today's joins and matches
    assertThat(report)
        .contains("2 set, 1 done")
        .contains("4.0 of 5 (3 ratings)")
        .contains("4 joins · 2 matches · 0 pairings ended · 0 pauses · 0 escalations")
        .contains("• " + today + " (partial): 4 joins, 2 matches");

    // AND the CSV export has the same numbers, with the pairs' means suppressed
    tandem.close();
    tandem = null;
    String csv = csvExport(database);
    assertThat(csv)
        .contains("tasks,,set,2\r\n")
        .contains("tasks,,done,1\r\n")
        .contains("usefulness,,ratings,3\r\n")
        .contains("usefulness,,mean,4.00\r\n")
        .contains("events,,unit,day\r\n")
        .contains("events," + today + ",joins,4\r\n")
        .contains("events," + today + ",matches,2\r\n")
        .containsPattern("pairs,pair \\d+,usefulness_mean,not enough responses")
        .doesNotContainPattern("pairs,pair \\d+,usefulness_mean,\\d");
  }

  private void rate(String person, String day, String useful) {
    SimulatedChat.Answer form = chat.run(person, "log");
    assertThat(
            chat.fill(
                    person,
                    form,
                    java.util.Map.of(
                        "when", day + " 45m",
                        "topic", "Reels",
                        "exchange", "Taught: hooks\nLearned: budgets",
                        "useful", useful,
                        "note", ""))
                .text())
        .contains("Logged");
  }

  private String csvExport(Path database) throws Exception {
    Path config =
        java.nio.file.Files.writeString(
            dir.resolve("tandem.yml"),
            "database:\n  url: jdbc:sqlite:" + database + "\nsurveys:\n  anonymity-threshold: 3\n");
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = io.tandem.app.Main.commandLine();
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    assertThat(
            cli.execute(
                "--config",
                config.toString(),
                "report",
                "--program",
                "Reverse mentoring",
                "--format",
                "csv"))
        .as(err.toString())
        .isZero();
    return out.toString();
  }

  private java.util.List<String> chartFiles() {
    if (chat instanceof SimulatedSlack slack) {
      for (String name : java.util.List.of("funnel", "engagement", "retention")) {
        slack.simulator().awaitFile(f -> f.name().endsWith(name + ".png"), Duration.ofSeconds(10));
      }
      return slack.simulator().files().stream()
          .filter(f -> f.name().startsWith("report-"))
          .peek(f -> assertThat(f.bytes()).startsWith(PNG))
          .map(f -> f.name().replaceFirst("report-\\d+-", ""))
          .toList();
    }
    SimulatedDiscord discord = (SimulatedDiscord) chat;
    return discord.simulator().channelMessages().stream()
        .filter(m -> m.content().contains("Charts for the report"))
        .flatMap(m -> discord.simulator().attachments(m).stream())
        .peek(a -> assertThat(a.bytes()).startsWith(PNG))
        .map(a -> a.filename().replaceFirst("report-\\d+-", ""))
        .toList();
  }

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
}
