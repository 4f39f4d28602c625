package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Main;
import io.tandem.app.Tandem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An HR roster has work emails, not Slack user ids. Played through the real Slack adapter against
 * the simulator, whose {@code users.info} gives each person's email (the manifest asks for {@code
 * users:read.email}): people join, the program lead imports a roster of emails, and the report
 * measures retention with the joiners counted as participants.
 */
@DisplayName("A roster with emails only links to the people who joined in Slack")
class RosterEmailScenarioTest {

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

  @Test
  @DisplayName("the roster's emails find the participants, and the report counts them as such")
  void emailsLinkParticipants() throws Exception {
    // GIVEN four people who joined through /tandem in Slack (ana@example.com, …)
    chat = SimulatedChat.start(SimulatedChat.Kind.SLACK_SOCKET);
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    chat.makeAdmin("maya");
    String database = "jdbc:sqlite:" + dir.resolve("tandem.db");
    tandem = Tandem.start(chat.config(database), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);

    // WHEN the program lead imports the HR roster: emails in HR's spelling, no user ids; two
    // colleagues in the same departments and bands never joined, one has only an employee id
    Path roster =
        Files.writeString(
            dir.resolve("roster.csv"),
            "employee_id,email,hire_date,exit_date,department,band\n"
                + "E1,Ana@Example.com,2020-01-01,,Marketing,1\n"
                + "E2,dev@example.com,2020-01-01,,Engineering,2\n"
                + "E3,BEN@EXAMPLE.COM,2020-01-01,,Finance,5\n"
                + "E4,chioma@example.com,2020-01-01,,Operations,4\n"
                + "E5,olga@example.com,2020-01-01,,Marketing,1\n"
                + "E6,,2020-01-01,,Finance,5\n");
    Path config =
        Files.writeString(dir.resolve("tandem.yml"), "database:\n  url: " + database + "\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("--config", config.toString(), "import", "roster", roster.toString());

    // THEN the four who joined are linked by their email, the others to nobody
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "6 employees (6 still employed); linked to chat users: 0 by user id, 4 by email,"
                + " 2 not linked");
    // AND the admin's report measures retention against the roster with them as participants
    assertThat(chat.run("maya", "report").text())
        .contains("participants 4 of 4 stayed (100%), others 2 of 2 stayed (100%)")
        .contains("Source: HR roster");
  }
}
