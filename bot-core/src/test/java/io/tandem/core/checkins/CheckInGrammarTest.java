package io.tandem.core.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser;
import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The check-in grammar: log, goal, task")
class CheckInGrammarTest {

  private final CommandParser parser = new CommandParser();

  private Command accepted(String text) {
    Parsed parsed = parser.parse(text);
    assertThat(parsed).as(text).isInstanceOf(Parsed.Accepted.class);
    return ((Parsed.Accepted) parsed).command();
  }

  private String rejected(String text) {
    Parsed parsed = parser.parse(text);
    assertThat(parsed).as(text).isInstanceOf(Parsed.Rejected.class);
    return ((Parsed.Rejected) parsed).problem();
  }

  @Test
  @DisplayName("log alone opens the form; with a partner and a day it logs that meeting")
  void log() {
    assertThat(accepted("log")).isEqualTo(new Command.OpenLogForm(null, Command.Day.TODAY));
    assertThat(accepted("log 1h with @U123 on 2026-12-01"))
        .isEqualTo(new Command.Log(60, "", "U123", new Command.Day(LocalDate.of(2026, 12, 1), 0)));
    assertThat(accepted("log 45m Instagram reels with @U0ANA123 on yesterday"))
        .isEqualTo(new Command.Log(45, "Instagram reels", "U0ANA123", new Command.Day(null, 1)));
    assertThat(accepted("log 45m working on TikTok"))
        .isEqualTo(new Command.Log(45, "working on TikTok"));
    assertThat(accepted("log on 2026-05-04"))
        .isEqualTo(new Command.OpenLogForm(null, new Command.Day(LocalDate.of(2026, 5, 4), 0)));
  }

  @Test
  @DisplayName("a partner mentioned in the platform's syntax is whom the adapter says it names")
  void logWithMention() {
    MentionedUsers ana = MentionedUsers.of(Map.of("<@U0ANA123|ana>", "U0ANA123"));
    assertThat(parser.parse("log 1h Figma with <@U0ANA123|ana> on 2026-12-01", ana))
        .isEqualTo(
            new Parsed.Accepted(
                new Command.Log(
                    60, "Figma", "U0ANA123", new Command.Day(LocalDate.of(2026, 12, 1), 0))));
    // the core reads no platform syntax itself: unrecognised, the token is words of the topic
    assertThat(accepted("log 1h Figma with <@U0ANA123|ana>"))
        .isEqualTo(new Command.Log(60, "Figma with <@U0ANA123|ana>"));
    assertThat(rejected("log 1h with @ana")).contains("`@ana` is not someone Tandem can find");
  }

  @Test
  @DisplayName("log list, edit and delete take the numbers log list shows")
  void logManagement() {
    assertThat(accepted("log list")).isEqualTo(new Command.ListLogs());
    assertThat(accepted("log edit #2")).isEqualTo(new Command.EditLog(2));
    assertThat(accepted("log delete 3")).isEqualTo(new Command.DeleteLog(3, false));
    assertThat(accepted("log delete 3 confirm")).isEqualTo(new Command.DeleteLog(3, true));
  }

  @Test
  @DisplayName("goal add reads the text, then a trailing date and owner in either order")
  void goals() {
    assertThat(accepted("goal add Post one reel a week by 2026-06-30 for partner"))
        .isEqualTo(
            new Command.AddGoal(
                "Post one reel a week", LocalDate.of(2026, 6, 30), Command.GoalOwner.PARTNER));
    assertThat(accepted("goal add Learn SQL for me by 2026-06-30"))
        .isEqualTo(
            new Command.AddGoal("Learn SQL", LocalDate.of(2026, 6, 30), Command.GoalOwner.ME));
    assertThat(accepted("goal add Plan for Q3"))
        .isEqualTo(new Command.AddGoal("Plan for Q3", null, Command.GoalOwner.ME));
    assertThat(accepted("goal add")).isEqualTo(new Command.OpenGoalForm());
    assertThat(accepted("goal done 2")).isEqualTo(new Command.GoalDone(2));
    assertThat(accepted("goal list")).isEqualTo(new Command.ListGoals());
    assertThat(accepted("goal review")).isEqualTo(new Command.ReviewGoals(Command.Target.NONE));
    assertThat(rejected("goal add " + "x".repeat(301))).contains("keep it to 300");
    assertThat(rejected("goal add Learn SQL by 2026-02-31")).contains("is not a date");
  }

  @Test
  @DisplayName("tasks name their goal by number")
  void tasks() {
    assertThat(accepted("task add 1 Film a 15-second reel"))
        .isEqualTo(new Command.AddTask(1, "Film a 15-second reel"));
    assertThat(accepted("task done #4")).isEqualTo(new Command.TaskDone(4));
    assertThat(accepted("task list")).isEqualTo(new Command.ListTasks());
  }
}
