package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clauses every participant command may carry to say which pair or program it is for, read
 * before the command's own grammar:
 *
 * <pre>
 * with @partner         the pair with that partner (anywhere in the command)
 * in PROGRAM            the program of that name (last, and only on commands without free text:
 *                       log list|edit|delete, log alone, goal list|done|review, goal add alone,
 *                       task list|done, pause, resume, snooze, continue, support, leave)
 * pair:42               the pair a button belongs to (Tandem's buttons carry it)
 * participation:7       the participation a button belongs to
 * </pre>
 */
public final class TargetClauses {

  /** An example of naming a partner, for error messages. */
  public static final String WITH_EXAMPLE = "goal list with @partner";

  private static final Pattern PAIR = Pattern.compile("pair:(\\d{1,18})", Pattern.CASE_INSENSITIVE);
  private static final Pattern PARTICIPATION =
      Pattern.compile("participation:(\\d{1,18})", Pattern.CASE_INSENSITIVE);

  private TargetClauses() {}

  /**
   * A command's words without its target clauses, and the target they name; or the problem with a
   * clause (then {@code rest} and {@code target} are {@code null}).
   */
  public record Split(String rest, Command.Target target, Parsed.Rejected problem) {}

  /**
   * @param rest the command after its verb
   * @param programAllowed whether {@code in PROGRAM} may end a command with these words (the words
   *     before {@code in}, target clauses removed)
   */
  public static Split split(
      String rest,
      MentionedUsers mentions,
      Predicate<List<String>> programAllowed,
      String example) {
    List<String> words = rest.isBlank() ? List.of() : Arrays.asList(rest.strip().split("\\s+"));
    List<String> kept = new ArrayList<>();
    String partner = null;
    Long pairId = null;
    Long participantId = null;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String next = i + 1 < words.size() ? words.get(i + 1) : null;
      Matcher pair = PAIR.matcher(word);
      Matcher participation = PARTICIPATION.matcher(word);
      if (word.equalsIgnoreCase("with") && next != null && mentionsSomeone(next, mentions)) {
        Optional<String> id = mentions.userId(next);
        if (id.isEmpty()) {
          return problem(
              "`" + next + "` is not someone Tandem can find; mention your partner with @.",
              example);
        }
        if (partner != null && !partner.equals(id.get())) {
          return problem("Name one partner at a time with `with @partner`.", example);
        }
        partner = id.get();
        i++;
      } else if (pair.matches()) {
        pairId = Long.parseLong(pair.group(1));
      } else if (participation.matches()) {
        participantId = Long.parseLong(participation.group(1));
      } else {
        kept.add(word);
      }
    }
    String program = null;
    int in = indexOfIn(kept);
    if (in >= 0 && programAllowed.test(kept.subList(0, in))) {
      program = String.join(" ", kept.subList(in + 1, kept.size()));
      kept = kept.subList(0, in);
    }
    return new Split(
        String.join(" ", kept), new Command.Target(partner, program, pairId, participantId), null);
  }

  /** Every command of the verb may end with {@code in PROGRAM}. */
  public static boolean always(List<String> before) {
    return true;
  }

  /** {@code in PROGRAM} after {@code log}: only where the command has no topic. */
  public static boolean logTakesProgram(List<String> before) {
    return before.isEmpty() || firstIs(before, "list", "edit", "delete", "on");
  }

  /** {@code in PROGRAM} after {@code goal}: not after a goal's text. */
  public static boolean goalTakesProgram(List<String> before) {
    return firstIs(before, "list", "done", "review")
        || before.size() == 1 && firstIs(before, "add");
  }

  /** {@code in PROGRAM} after {@code task}: not after a task's text. */
  public static boolean taskTakesProgram(List<String> before) {
    return firstIs(before, "list", "done");
  }

  private static boolean firstIs(List<String> words, String... candidates) {
    if (words.isEmpty()) {
      return false;
    }
    String first = words.get(0).toLowerCase(Locale.ROOT);
    return Arrays.asList(candidates).contains(first);
  }

  private static int indexOfIn(List<String> words) {
    for (int i = 0; i < words.size() - 1; i++) {
      if (words.get(i).equalsIgnoreCase("in")) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a word is meant as a mention: one that names someone, or any word after an @. */
  static boolean mentionsSomeone(String word, MentionedUsers mentions) {
    return word.startsWith("@") || mentions.userId(word).isPresent();
  }

  private static Split problem(String text, String example) {
    return new Split(null, null, new Parsed.Rejected(text, example));
  }
}
