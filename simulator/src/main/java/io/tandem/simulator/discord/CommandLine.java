package io.tandem.simulator.discord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slash command as a person would type it in the Discord client: {@code /tandem log duration:45m
 * topic:Instagram reels}. Words before the first {@code name:} are the subcommand group and
 * subcommand; each option value runs until the next {@code name:} and may contain spaces.
 *
 * <p>When the command's declared options are known, only those names start an option, as in the
 * Discord client, where each option is its own field: {@code when:monthly on day 1 at 10:00} is one
 * value, not an option {@code 10} with the value {@code 00}.
 */
record CommandLine(String name, List<String> path, Map<String, String> options) {

  private static final Pattern OPTION = Pattern.compile("(?:^|\\s)([\\p{Ll}\\p{Lo}\\d_-]+):");

  /** The option names a command declares for a subcommand path; {@code null} when unknown. */
  @FunctionalInterface
  interface DeclaredOptions {
    Set<String> of(String command, List<String> path);
  }

  /** Parses a line, taking every {@code name:} as the start of an option. */
  static CommandLine parse(String line) {
    return parse(line, (command, path) -> null);
  }

  /** Parses a line; a {@code name:} starts an option only when the command declares that name. */
  static CommandLine parse(String line, DeclaredOptions declared) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("/") || trimmed.length() < 2) {
      throw new IllegalArgumentException("A slash command starts with /, got: " + line);
    }
    trimmed = trimmed.substring(1);
    String command = trimmed.split("\\s+", 2)[0];
    Matcher matcher = OPTION.matcher(trimmed);
    int firstOption = trimmed.length();
    Set<String> names = null;
    while (matcher.find()) {
      List<String> candidatePath = path(trimmed.substring(0, matcher.start()));
      Set<String> known = declared.of(command, candidatePath);
      if (known == null || known.contains(matcher.group(1))) {
        firstOption = matcher.start();
        names = known;
        break;
      }
    }
    String[] words = trimmed.substring(0, firstOption).strip().split("\\s+");
    List<String> path = new ArrayList<>(List.of(words).subList(1, words.length));
    Map<String, String> options = new LinkedHashMap<>();
    matcher.reset();
    matcher.region(firstOption, trimmed.length());
    String pendingName = null;
    int valueStart = 0;
    while (matcher.find()) {
      if (names != null && !names.contains(matcher.group(1))) {
        continue; // part of the value, e.g. the "10:" of "at 10:00"
      }
      if (pendingName != null) {
        options.put(pendingName, trimmed.substring(valueStart, matcher.start()).strip());
      }
      pendingName = matcher.group(1);
      valueStart = matcher.end();
    }
    if (pendingName != null) {
      options.put(pendingName, trimmed.substring(valueStart).strip());
    }
    return new CommandLine(words[0], List.copyOf(path), Collections.unmodifiableMap(options));
  }

  private static List<String> path(String beforeOption) {
    String[] words = beforeOption.strip().split("\\s+");
    return List.of(words).subList(1, words.length);
  }
}
