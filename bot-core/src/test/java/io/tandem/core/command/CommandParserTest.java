package io.tandem.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

  private final CommandParser parser = new CommandParser();

  @ParameterizedTest(name = "log {0} means {1} minutes")
  @CsvSource({"45m, 45", "1h, 60", "1h30m, 90", "90, 90", "2H, 120", "30min, 30", "8h, 480"})
  @DisplayName("durations people type are understood")
  void durations(String typed, int minutes) {
    Parsed parsed = parser.parse("log " + typed + " Instagram reels");

    assertThat(parsed).isEqualTo(new Parsed.Accepted(new Command.Log(minutes, "Instagram reels")));
  }

  @ParameterizedTest(name = "`{0}` is rejected because it {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "log -5m Reels | is negative",
        "log 30h Reels | is longer than one session can be",
        "log abc | is not a duration",
        "log 0m | is too short",
        "log 45m on 2026-02-30 | is not a date",
        "log 45m with @nobody! | is not someone Tandem can find",
        "log edit x | is not a session number",
        "log delete | Say which session",
        "goal | add, done, list or review",
        "goal add by 2026-06-30 | Say what the goal is",
        "goal done two | is not a goal number",
        "goal fly | is not something Tandem does with goals",
        "task add x Film a reel | is not a goal number",
        "task add 1 | Say what the task is",
        "task done | Say which task",
        "log 99999999999m | is not a duration",
        "'' | Tell Tandem what to do",
        "dance | is not a Tandem command",
        "join boss | is not a role",
        "join | Say whether you join as a mentor or a mentee",
        "status now | takes no arguments",
      })
  @DisplayName("bad input is rejected with the problem named and an example of the right form")
  void rejections(String text, String problem) {
    Parsed parsed = parser.parse(text);

    assertThat(parsed).isInstanceOf(Parsed.Rejected.class);
    Parsed.Rejected rejected = (Parsed.Rejected) parsed;
    assertThat(rejected.problem()).contains(problem);
    assertThat(rejected.example()).doesNotStartWith("/");
  }

  @Test
  @DisplayName("a near-miss verb gets a suggestion")
  void suggestion() {
    Parsed.Rejected rejected = (Parsed.Rejected) parser.parse("stauts");

    assertThat(rejected.problem()).contains("Did you mean `status`?");
  }

  @Test
  @DisplayName("over-long topics and whole commands are refused")
  void overLong() {
    Parsed.Rejected topic = (Parsed.Rejected) parser.parse("log 45m " + "x".repeat(201));
    Parsed.Rejected whole = (Parsed.Rejected) parser.parse("log 45m " + "x".repeat(1000));

    assertThat(topic.problem()).contains("201 characters").contains("keep it to 200");
    assertThat(whole.problem()).contains("the most is 1000");
  }

  @Test
  @DisplayName("control characters are refused and named")
  void controlCharacters() {
    Parsed.Rejected rejected = (Parsed.Rejected) parser.parse("log 45m bell\u0007");

    assertThat(rejected.problem()).contains("U+0007");
  }

  @Test
  @DisplayName("join takes a role and an optional program name")
  void join() {
    assertThat(parser.parse("join Mentor"))
        .isEqualTo(new Parsed.Accepted(new Command.Join(Role.MENTOR, null)));
    assertThat(parser.parse("  join mentee   Data pilot "))
        .isEqualTo(new Parsed.Accepted(new Command.Join(Role.MENTEE, "Data pilot")));
  }

  @Test
  @DisplayName("verbs are case-insensitive and surrounding space is ignored")
  void caseAndSpace() {
    assertThat(parser.parse("  STATUS ")).isEqualTo(new Parsed.Accepted(new Command.Status()));
    assertThat(parser.parse("Help")).isEqualTo(new Parsed.Accepted(new Command.Help()));
  }
}
