package io.tandem.core.reports;

import io.tandem.core.command.CommandParser.Parsed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code program targets [PROGRAM] [meet N% [monthly]] [goals N%] [retention N%]}: the program's
 * name first (optional), then any of the three targets in any order, each a whole percentage or
 * {@code off}; commas and {@code and} between them are welcome. Without targets it shows them.
 */
public final class TargetGrammar {

  public static final String EXAMPLE =
      "program targets Data pilot meet 80% goals 70% retention 100%";

  private TargetGrammar() {}

  /** Whether {@code program …} text (after {@code program}) is about a program's targets. */
  public static boolean isTargets(String rest) {
    return rest.strip().split("\\s+", 2)[0].equalsIgnoreCase("targets");
  }

  /**
   * @param rest the text after {@code program}, starting with {@code targets}
   */
  public static Parsed targets(String rest) {
    String[] words = rest.strip().split("\\s+");
    int first = 1;
    while (first < words.length && Targets.Measure.of(bare(words[first])) == null) {
      first++;
    }
    String program = first > 1 ? String.join(" ", List.of(words).subList(1, first)) : null;
    if (first == words.length) {
      return new Parsed.Accepted(new TargetCommand.Show(program));
    }
    List<TargetCommand.Setting> settings = new ArrayList<>();
    Set<Targets.Measure> named = EnumSet.noneOf(Targets.Measure.class);
    Targets.Measure measure = null;
    for (int i = first; i < words.length; i++) {
      String word = bare(words[i]);
      if (word.isEmpty() || word.equalsIgnoreCase("and")) {
        continue;
      }
      if (measure == null) {
        measure = Targets.Measure.of(word);
        if (measure == null) {
          if (word.equalsIgnoreCase("monthly") && !settings.isEmpty()) {
            continue;
          }
          return rejected("`" + shown(word) + "` is not a target; use meet, goals or retention.");
        }
        if (!named.add(measure)) {
          return rejected("`" + measure.keyword + "` is named twice; give each target once.");
        }
        continue;
      }
      String problem = problem(measure, word);
      if (problem != null) {
        return rejected(problem);
      }
      settings.add(new TargetCommand.Setting(measure, percent(word)));
      measure = null;
    }
    if (measure != null) {
      return rejected(
          "Give `" + measure.keyword + "` a percentage, like `" + measure.keyword + " 80%`.");
    }
    return new Parsed.Accepted(new TargetCommand.Set(program, settings));
  }

  private static String problem(Targets.Measure measure, String word) {
    if (word.equalsIgnoreCase("off")) {
      return null;
    }
    if (!word.matches("\\d{1,4}%?")) {
      return "`"
          + shown(word)
          + "` is not a whole percentage for `"
          + measure.keyword
          + "`; say `"
          + measure.keyword
          + " 80%`, or `"
          + measure.keyword
          + " off` to remove it.";
    }
    int percent = percent(word);
    if (percent < 1 || percent > measure.max) {
      return "A `"
          + measure.keyword
          + "` target lies between 1% and "
          + measure.max
          + "%, not "
          + percent
          + "%.";
    }
    return null;
  }

  private static Integer percent(String word) {
    return word.equalsIgnoreCase("off") ? null : Integer.parseInt(word.replace("%", ""));
  }

  private static Parsed rejected(String problem) {
    return new Parsed.Rejected(problem, EXAMPLE);
  }

  /** A word without the commas around it. */
  private static String bare(String word) {
    return word.replace(",", "").toLowerCase(Locale.ROOT);
  }

  private static String shown(String word) {
    return word.length() > 30 ? word.substring(0, 30) + "…" : word;
  }
}
