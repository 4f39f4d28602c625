package io.tandem.core.pulse;

import io.tandem.core.command.CommandParser.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code program checkins 30,60,90 [program]}, {@code off [program]}, or alone to show them. */
public final class PulseGrammar {

  public static final String EXAMPLE = "program checkins 30,60,90 Data pilot";

  private static final String WORD = "checkins";

  private PulseGrammar() {}

  /** Whether {@code program …} text (after {@code program}) is about check-in points. */
  public static boolean isCheckIns(String rest) {
    return rest.strip().split("\\s+", 2)[0].equalsIgnoreCase(WORD);
  }

  /**
   * @param rest the text after {@code program}, starting with {@code checkins}
   */
  public static Parsed checkIns(String rest) {
    String[] words = rest.strip().split("\\s+");
    List<Integer> days = new ArrayList<>();
    int next = 1;
    if (words.length > 1 && words[1].toLowerCase(Locale.ROOT).equals("off")) {
      return new Parsed.Accepted(new PulseCommand.SetPoints(CheckInPoints.OFF, program(words, 2)));
    }
    for (; next < words.length && Character.isDigit(words[next].charAt(0)); next++) {
      for (String day : words[next].split(",")) {
        if (!day.matches("\\d{1,4}")) {
          return reject("`" + shown(words[next]) + "` is not a list of days.");
        }
        days.add(Integer.parseInt(day));
      }
    }
    if (days.isEmpty()) {
      return new Parsed.Accepted(new PulseCommand.ShowPoints(program(words, 1)));
    }
    if (days.stream().anyMatch(d -> d < 1 || d > CheckInPoints.MAX_DAY)) {
      return reject(
          "Check-in points are days after matching, from 1 to " + CheckInPoints.MAX_DAY + ".");
    }
    if (days.stream().distinct().count() > CheckInPoints.MAX_POINTS) {
      return reject("A program has at most " + CheckInPoints.MAX_POINTS + " check-in points.");
    }
    return new Parsed.Accepted(
        new PulseCommand.SetPoints(new CheckInPoints(days), program(words, next)));
  }

  private static String program(String[] words, int from) {
    return from >= words.length
        ? null
        : String.join(" ", List.of(words).subList(from, words.length));
  }

  private static Parsed reject(String problem) {
    return new Parsed.Rejected(problem, EXAMPLE);
  }

  private static String shown(String word) {
    return word.length() > 30 ? word.substring(0, 30) + "…" : word;
  }
}
