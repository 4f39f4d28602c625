package io.tandem.core.programs;

import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import java.util.Locale;
import java.util.Optional;

/** {@code program admins add @person [program]}, {@code remove @person [program]}, {@code list}. */
public final class ProgramAdminGrammar {

  public static final String ADD_EXAMPLE = "program admins add @ana Data pilot";
  static final String REMOVE_EXAMPLE = "program admins remove @ana Data pilot";
  static final String LIST_EXAMPLE = "program admins list Data pilot";

  private ProgramAdminGrammar() {}

  /** Whether {@code program …} text (after {@code program}) is about a program's admins. */
  public static boolean isAdmins(String rest) {
    return rest.split("\\s+", 2)[0].equalsIgnoreCase("admins");
  }

  /**
   * @param rest the text after {@code program}, starting with {@code admins}
   */
  public static Parsed admins(String rest, MentionedUsers mentions) {
    String[] words = rest.strip().split("\\s+", 4);
    if (words.length < 2) {
      return new Parsed.Accepted(new ProgramAdminCommand.ListAdmins(null));
    }
    String step = words[1].toLowerCase(Locale.ROOT);
    if (step.equals("list")) {
      String program = words.length > 2 ? rest.strip().split("\\s+", 3)[2].strip() : null;
      return new Parsed.Accepted(new ProgramAdminCommand.ListAdmins(program));
    }
    if (!step.equals("add") && !step.equals("remove")) {
      return new Parsed.Rejected(
          "`" + words[1] + "` is not something Tandem does with admins; use add, remove or list.",
          ADD_EXAMPLE);
    }
    String example = step.equals("add") ? ADD_EXAMPLE : REMOVE_EXAMPLE;
    if (words.length < 3) {
      return new Parsed.Rejected(
          "Mention the person to "
              + (step.equals("add") ? "make" : "no longer make")
              + " an admin.",
          example);
    }
    Optional<String> userId = mentions.userId(words[2]);
    if (userId.isEmpty()) {
      return new Parsed.Rejected(
          "`"
              + shown(words[2])
              + "` is not a person Tandem can see; mention them with @, then the program.",
          example);
    }
    String program = words.length > 3 ? words[3].strip() : null;
    return new Parsed.Accepted(
        step.equals("add")
            ? new ProgramAdminCommand.Add(userId.get(), program)
            : new ProgramAdminCommand.Remove(userId.get(), program));
  }

  private static String shown(String word) {
    return word.length() > 30 ? word.substring(0, 30) + "…" : word;
  }
}
