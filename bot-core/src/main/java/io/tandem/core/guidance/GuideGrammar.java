package io.tandem.core.guidance;

import io.tandem.core.command.CommandParser.Parsed;
import java.util.Locale;

/** {@code guide list [program]}, {@code edit|reset <template> [program]}, {@code import}. */
public final class GuideGrammar {

  public static final String EDIT_EXAMPLE = "guide edit mentor-guide Data pilot";
  static final String RESET_EXAMPLE = "guide reset mentor-guide Data pilot";
  static final String LIST_EXAMPLE = "guide list Data pilot";
  static final String IMPORT_EXAMPLE = "guide import Data pilot";

  private GuideGrammar() {}

  /**
   * @param rest the text after {@code guide}
   */
  public static Parsed guide(String rest) {
    String[] words = rest.strip().split("\\s+", 3);
    String step = words[0].toLowerCase(Locale.ROOT);
    String[] stepAndRest = rest.strip().split("\\s+", 2);
    String afterStep = stepAndRest.length > 1 ? stepAndRest[1].strip() : null;
    switch (step) {
      case "", "list" -> {
        return new Parsed.Accepted(new GuideCommand.ListGuides(afterStep));
      }
      case "import" -> {
        return new Parsed.Accepted(new GuideCommand.Import(afterStep));
      }
      case "edit", "reset" -> {
        String example = step.equals("edit") ? EDIT_EXAMPLE : RESET_EXAMPLE;
        if (words.length < 2) {
          return new Parsed.Rejected(
              "Say which template to " + step + ": " + GuideDefaults.names() + ".", example);
        }
        String template = words[1].toLowerCase(Locale.ROOT);
        if (!GuideDefaults.isTemplate(template)) {
          return new Parsed.Rejected(
              "`" + shown(words[1]) + "` is not a template; use " + GuideDefaults.names() + ".",
              example);
        }
        String program = words.length > 2 ? words[2].strip() : null;
        return new Parsed.Accepted(
            step.equals("edit")
                ? new GuideCommand.Edit(template, program)
                : new GuideCommand.Reset(template, program));
      }
      default -> {
        return new Parsed.Rejected(
            "`"
                + shown(words[0])
                + "` is not something Tandem does with guides; use list, edit, reset or import.",
            EDIT_EXAMPLE);
      }
    }
  }

  private static String shown(String word) {
    String safe = word.replaceAll("[`*]", "");
    return safe.length() > 30 ? safe.substring(0, 30) + "…" : safe;
  }
}
