package io.tandem.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a command of the core grammar the way a person types it in Discord's slash-command UI,
 * with the options Tandem registers: {@code log 45m Reels} becomes {@code /tandem log duration:45m
 * topic:Reels}. Used by the demo and the tests that play one script on every platform. Empty when
 * Discord's UI would not let a person send it (an unknown subcommand, a value outside an option's
 * choices).
 */
final class DiscordCommandLine {

  /** An option of a subcommand; {@code choices} empty means free text. */
  private record Option(String name, Set<String> choices) {
    boolean accepts(String value) {
      return choices.isEmpty() || choices.contains(value);
    }
  }

  /**
   * Each subcommand's options, in the order the core grammar takes them; the last takes the rest.
   */
  private static final Map<String, List<Option>> SUBCOMMANDS =
      Map.of(
          "help", List.of(),
          "status", List.of(),
          "join",
              List.of(
                  new Option("role", Set.of("mentor", "mentee")), new Option("program", Set.of())),
          "log", List.of(new Option("duration", Set.of()), new Option("topic", Set.of())));

  private DiscordCommandLine() {}

  static Optional<String> of(String coreText) {
    String[] words = coreText.strip().split("\\s+");
    List<Option> options = SUBCOMMANDS.get(words[0]);
    if (options == null || (options.isEmpty() && words.length > 1)) {
      return Optional.empty();
    }
    StringBuilder line = new StringBuilder("/tandem ").append(words[0]);
    for (int i = 0; i < options.size() && i + 1 < words.length; i++) {
      boolean last = i == options.size() - 1;
      String value =
          last ? String.join(" ", List.of(words).subList(i + 1, words.length)) : words[i + 1];
      if (!options.get(i).accepts(value)) {
        return Optional.empty();
      }
      line.append(' ').append(options.get(i).name()).append(':').append(value);
    }
    return Optional.of(line.toString());
  }
}
