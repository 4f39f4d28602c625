package io.tandem.simulator.discord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slash command as a person would type it in the Discord client: {@code /tandem log duration:45m
 * topic:Instagram reels}. Words before the first {@code name:} are the subcommand group and
 * subcommand; each option value runs until the next {@code name:} and may contain spaces.
 */
record CommandLine(String name, List<String> path, Map<String, String> options) {

  private static final Pattern OPTION = Pattern.compile("(?:^|\\s)([\\p{Ll}\\p{Lo}\\d_-]+):");

  static CommandLine parse(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("/") || trimmed.length() < 2) {
      throw new IllegalArgumentException("A slash command starts with /, got: " + line);
    }
    trimmed = trimmed.substring(1);
    Matcher matcher = OPTION.matcher(trimmed);
    int firstOption = matcher.find() ? matcher.start() : trimmed.length();
    String[] words = trimmed.substring(0, firstOption).strip().split("\\s+");
    List<String> path = new ArrayList<>(List.of(words).subList(1, words.length));
    Map<String, String> options = new LinkedHashMap<>();
    matcher.reset();
    String pendingName = null;
    int valueStart = 0;
    while (matcher.find()) {
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
}
