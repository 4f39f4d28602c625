package io.tandem.core.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser;
import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.reminders.ReminderCommands;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Naming the pair or program a participant command is for")
class TargetClausesTest {

  private final CommandParser parser = new CommandParser();

  private Command accepted(String text) {
    Parsed parsed = parser.parse(text);
    assertThat(parsed).as(text).isInstanceOf(Parsed.Accepted.class);
    return ((Parsed.Accepted) parsed).command();
  }

  private static Command.Target program(String name) {
    return new Command.Target(null, name, null, null);
  }

  @Test
  @DisplayName("with @partner names the pair on every participant command")
  void partner() {
    assertThat(accepted("goal list with @U0BEN123"))
        .isEqualTo(new Command.ListGoals(Command.Target.partner("U0BEN123")));
    assertThat(accepted("goal add Ship a prototype by 2026-06-30 with @U0BEN123"))
        .isEqualTo(
            new Command.AddGoal(
                "Ship a prototype",
                java.time.LocalDate.of(2026, 6, 30),
                Command.GoalOwner.ME,
                Command.Target.partner("U0BEN123")));
    assertThat(accepted("task done 2 with @U0BEN123"))
        .isEqualTo(new Command.TaskDone(2, Command.Target.partner("U0BEN123")));
    assertThat(accepted("snooze 2d with @U0BEN123"))
        .isEqualTo(new ReminderCommands.Snooze(2, null, false, Command.Target.partner("U0BEN123")));
  }

  @Test
  @DisplayName("in PROGRAM ends commands without free text; in a topic it stays text")
  void program() {
    assertThat(accepted("log list in Data pilot"))
        .isEqualTo(new Command.ListLogs(program("Data pilot")));
    assertThat(accepted("pause 2w in Data pilot"))
        .isEqualTo(new ReminderCommands.Pause(null, 14, program("Data pilot")));
    assertThat(accepted("log 45m reels in Instagram"))
        .isEqualTo(new Command.Log(45, "reels in Instagram"));
    assertThat(accepted("goal add Speak in public"))
        .isEqualTo(new Command.AddGoal("Speak in public", null, null));
  }

  @Test
  @DisplayName("leave takes a program by name, with or without in, and confirm")
  void leave() {
    assertThat(accepted("leave")).isEqualTo(new ReminderCommands.Leave(false));
    assertThat(accepted("leave Data pilot"))
        .isEqualTo(new ReminderCommands.Leave(false, program("Data pilot")));
    assertThat(accepted("leave in Data pilot confirm"))
        .isEqualTo(new ReminderCommands.Leave(true, program("Data pilot")));
    assertThat(accepted("leave confirm participation:7"))
        .isEqualTo(new ReminderCommands.Leave(true, new Command.Target(null, null, null, 7L)));
  }

  @Test
  @DisplayName("a button's pair:ID names its pair and is not part of the command")
  void button() {
    assertThat(accepted("snooze pick pair:42"))
        .isEqualTo(new ReminderCommands.Snooze(null, null, true, Command.Target.pair(42)));
    assertThat(accepted("log pair:42"))
        .isEqualTo(new Command.OpenLogForm(Command.Day.TODAY, Command.Target.pair(42)));
  }

  @Test
  @DisplayName("forms remember the pair they were opened for")
  void forms() {
    assertThat(PairResolver.formTarget("log:new@42")).isEqualTo(Command.Target.pair(42));
    assertThat(PairResolver.formTarget("log:edit:7@p3"))
        .isEqualTo(new Command.Target(null, null, null, 3L));
    assertThat(PairResolver.formBase("log:edit:7@p3")).isEqualTo("log:edit:7");
    assertThat(PairResolver.formTarget("log:new")).isEqualTo(Command.Target.NONE);
    assertThat(PairResolver.formTarget("log:new@x")).isEqualTo(Command.Target.NONE);
  }
}
