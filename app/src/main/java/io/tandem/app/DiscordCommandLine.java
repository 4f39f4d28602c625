package io.tandem.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a command of the core grammar the way a person types it in Discord's slash-command UI,
 * with the options Tandem registers: {@code log 45m Reels} becomes {@code /tandem log duration:45m
 * topic:Reels}, and {@code program create Pilot every 2w} becomes {@code /tandem-admin program
 * create name:Pilot every:2w} (admin verbs are a separate command on Discord). Used by the demo and
 * the tests that play one script on every platform. Empty when Discord's UI would not let a person
 * send it (an unknown subcommand, a value outside an option's choices).
 */
final class DiscordCommandLine {

  /** An option of a subcommand; {@code choices} empty means free text. */
  private record Option(String name, Set<String> choices) {
    boolean accepts(String value) {
      return choices.isEmpty() || choices.contains(value);
    }
  }

  private static Option text(String name) {
    return new Option(name, Set.of());
  }

  /** Options typed as {@code keyword value} in the core grammar; {@code skills} takes the rest. */
  private static final Set<String> KEYWORDS =
      Set.of("every", "for", "cap", "gap", "cooldown", "weights", "skills", "with", "on", "by");

  private static final Set<String> GROUPS = Set.of("program", "match", "goal", "task", "survey");

  /** First words of the verbs Discord offers under {@code /tandem-admin}. */
  private static final Set<String> ADMIN =
      Set.of("program", "match", "survey", "nudge", "report", "dashboard");

  /** {@code log list|edit|delete} are the subcommands {@code log-list} and so on in Discord. */
  private static final Set<String> LOG_SUBCOMMANDS = Set.of("list", "edit", "delete");

  /** Each subcommand's positional options in the order the core grammar takes them. */
  private static final Map<String, List<Option>> SUBCOMMANDS =
      Map.ofEntries(
          Map.entry("help", List.of()),
          Map.entry("status", List.of()),
          Map.entry(
              "join", List.of(new Option("role", Set.of("mentor", "mentee")), text("program"))),
          Map.entry("log", List.of(text("duration"), text("topic"))),
          Map.entry("log-list", List.of()),
          Map.entry("log-edit", List.of(text("number"))),
          Map.entry("log-delete", List.of(text("number"))),
          Map.entry("goal add", List.of(text("text"))),
          Map.entry("goal done", List.of(text("number"))),
          Map.entry("goal list", List.of()),
          Map.entry("goal review", List.of()),
          Map.entry("task add", List.of(text("goal"), text("text"))),
          Map.entry("task done", List.of(text("number"))),
          Map.entry("task list", List.of()),
          Map.entry("profile", List.of(text("program"))),
          Map.entry("exclude", List.of(text("person"))),
          Map.entry("pause", List.of(text("length"))),
          Map.entry("resume", List.of()),
          Map.entry("leave", List.of(new Option("confirm", Set.of("confirm")))),
          Map.entry("snooze", List.of(text("when"))),
          Map.entry("continue", List.of()),
          Map.entry("support", List.of()),
          Map.entry("nudge", List.of(text("person"))),
          Map.entry("report", List.of(text("program"))),
          Map.entry("dashboard", List.of(text("program"))),
          Map.entry("program create", List.of(text("name"))),
          Map.entry("program open", List.of(text("name"))),
          Map.entry("program start", List.of(text("name"))),
          Map.entry("program pause", List.of(text("name"))),
          Map.entry("program close", List.of(text("name"))),
          Map.entry("program show", List.of(text("name"))),
          Map.entry("program list", List.of()),
          Map.entry("match preview", List.of(text("program"))),
          Map.entry("match approve", List.of(text("program"))),
          Map.entry("match swap", List.of(text("first"), text("second"), text("program"))),
          Map.entry("survey send", List.of(text("template"), text("program"))),
          Map.entry("survey results", List.of(text("number"))),
          Map.entry("survey list", List.of()),
          Map.entry("survey cancel", List.of(text("number"))),
          Map.entry("survey cancel-schedule", List.of(text("number"))));

  private DiscordCommandLine() {}

  static Optional<String> of(String coreText) {
    List<String> words = new ArrayList<>(List.of(coreText.strip().split("\\s+")));
    String key = words.remove(0);
    String command = ADMIN.contains(key) ? "/tandem-admin " : "/tandem ";
    if (GROUPS.contains(key) && !words.isEmpty()) {
      key = key + " " + words.remove(0);
    } else if (key.equals("log") && !words.isEmpty() && LOG_SUBCOMMANDS.contains(words.get(0))) {
      key = key + "-" + words.remove(0);
    }
    if (key.equals("survey cancel") && !words.isEmpty() && words.get(0).equals("schedule")) {
      words.remove(0);
      key = "survey cancel-schedule";
    } else if (key.equals("survey schedule")) {
      return surveySchedule(command, words);
    }
    List<Option> options = SUBCOMMANDS.get(key);
    if (options == null || (options.isEmpty() && !words.isEmpty() && !words.get(0).isEmpty())) {
      return Optional.empty();
    }
    StringBuilder line = new StringBuilder(command).append(key);
    int next = 0;
    for (int i = 0; i < options.size() && next < words.size(); i++) {
      boolean last = i == options.size() - 1;
      int end = next + 1;
      if (last || options.size() == 1) {
        end = next;
        while (end < words.size() && !KEYWORDS.contains(words.get(end))) {
          end++;
        }
      }
      String value = String.join(" ", words.subList(next, end));
      if (value.isEmpty()) {
        continue;
      }
      if (!options.get(i).accepts(value)) {
        return Optional.empty();
      }
      line.append(' ').append(options.get(i).name()).append(':').append(value);
      next = end;
    }
    while (next < words.size()) {
      String keyword = words.get(next++);
      if (!KEYWORDS.contains(keyword) || next >= words.size()) {
        return Optional.empty();
      }
      int end = keyword.equals("skills") ? words.size() : next + 1;
      line.append(' ')
          .append(keyword)
          .append(':')
          .append(String.join(" ", words.subList(next, end)));
      next = end;
    }
    return Optional.of(line.toString());
  }

  /**
   * {@code survey schedule TEMPLATE WHEN [for PROGRAM]}: WHEN is free text (it may hold {@code
   * on}), so only the last {@code for} splits it from the program.
   */
  private static Optional<String> surveySchedule(String command, List<String> words) {
    if (words.size() < 2) {
      return Optional.empty();
    }
    List<String> when = words.subList(1, words.size());
    int forAt = when.lastIndexOf("for");
    StringBuilder line =
        new StringBuilder(command).append("survey schedule template:").append(words.get(0));
    line.append(" when:").append(String.join(" ", forAt > 0 ? when.subList(0, forAt) : when));
    if (forAt > 0 && forAt < when.size() - 1) {
      line.append(" for:").append(String.join(" ", when.subList(forAt + 1, when.size())));
    }
    return Optional.of(line.toString());
  }
}
