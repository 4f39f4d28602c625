package io.tandem.core.matching;

import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pair end [with @partner] [confirm]} for participants; {@code pair end @a @b [reason]} for
 * admins.
 */
public final class PairGrammar {

  public static final String END_EXAMPLE = "pair end with @ana";
  static final String ADMIN_END_EXAMPLE = "pair end @ana @ben moved to another team";
  static final String REDO_EXAMPLE = "pair redo @ben they never found a time";
  static final String MAKE_EXAMPLE = "pair make @ana @ben Data pilot";
  static final String OVERRIDE_EXAMPLE =
      "pair make @ana @ben override they asked for each other, manager agreed";

  private static final Pattern PAIR_ID =
      Pattern.compile("pair:(\\d{1,18})", Pattern.CASE_INSENSITIVE);

  private PairGrammar() {}

  public static Parsed pair(String rest, MentionedUsers mentions) {
    List<String> words = rest.isBlank() ? List.of() : Arrays.asList(rest.strip().split("\\s+"));
    String action = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
    return switch (action) {
      case "end" -> end(args, mentions);
      case "make" -> make(args, mentions);
      case "redo" -> redo(args, mentions);
      default ->
          reject(
              words.isEmpty()
                  ? "Say what to do with the pair: `end` (admins: also `make`)."
                  : "`"
                      + words.get(0)
                      + "` is not something Tandem does to a pair; use `end` (admins: also"
                      + " `make` and `redo`).",
              END_EXAMPLE);
    };
  }

  private static Parsed redo(List<String> words, MentionedUsers mentions) {
    Optional<String> person = words.isEmpty() ? Optional.empty() : mentions.userId(words.get(0));
    if (person.isEmpty()) {
      return reject("Mention the person whose pair to redo.", REDO_EXAMPLE);
    }
    String reason = String.join(" ", words.subList(1, words.size()));
    return tooLong(reason, REDO_EXAMPLE)
        .orElseGet(() -> accept(new PairCommand.RePair(person.get(), reason)));
  }

  private static Parsed make(List<String> words, MentionedUsers mentions) {
    Optional<String> mentor = words.isEmpty() ? Optional.empty() : mentions.userId(words.get(0));
    Optional<String> mentee = words.size() < 2 ? Optional.empty() : mentions.userId(words.get(1));
    if (mentor.isEmpty() || mentee.isEmpty()) {
      return reject("Mention the mentor, then the mentee.", MAKE_EXAMPLE);
    }
    List<String> rest = words.subList(2, words.size());
    int override = -1;
    for (int i = 0; i < rest.size() && override < 0; i++) {
      String w = rest.get(i).toLowerCase(Locale.ROOT);
      if (w.equals("override") || w.equals("override:")) {
        override = i;
      }
    }
    String program = String.join(" ", override < 0 ? rest : rest.subList(0, override));
    String reason =
        override < 0 ? null : String.join(" ", rest.subList(override + 1, rest.size())).strip();
    if (reason != null && reason.isEmpty()) {
      return reject("Say why the rule may be broken after `override`.", OVERRIDE_EXAMPLE);
    }
    return tooLong(reason, OVERRIDE_EXAMPLE)
        .orElseGet(
            () -> accept(new PairCommand.MakePair(mentor.get(), mentee.get(), program, reason)));
  }

  private static Parsed end(List<String> all, MentionedUsers mentions) {
    // a button's pair:42 says which pair a participant's end is for
    Long pairId = null;
    List<String> words = new ArrayList<>();
    for (String word : all) {
      Matcher pair = PAIR_ID.matcher(word);
      if (pair.matches()) {
        pairId = Long.parseLong(pair.group(1));
      } else {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      return accept(new PairCommand.EndMyPair(null, false, pairId));
    }
    String first = words.get(0).toLowerCase(Locale.ROOT);
    if (first.equals("confirm") && words.size() == 1) {
      return accept(new PairCommand.EndMyPair(null, true, pairId));
    }
    if (first.equals("with")) {
      Optional<String> partner =
          words.size() > 1 ? mentions.userId(words.get(1)) : Optional.empty();
      if (partner.isEmpty()) {
        return reject("Mention the partner whose pairing with you ends.", END_EXAMPLE);
      }
      boolean confirmed = words.size() == 3 && words.get(2).equalsIgnoreCase("confirm");
      if (words.size() > 3 || words.size() == 3 && !confirmed) {
        return reject("`pair end with @partner` takes nothing else but `confirm`.", END_EXAMPLE);
      }
      return accept(new PairCommand.EndMyPair(partner.get(), confirmed, pairId));
    }
    Optional<String> a = mentions.userId(words.get(0));
    Optional<String> b = words.size() > 1 ? mentions.userId(words.get(1)) : Optional.empty();
    if (a.isEmpty() || b.isEmpty()) {
      return reject(
          "To end your own pairing say `pair end` (or `pair end with @partner`); admins mention"
              + " both people of the pair, like `"
              + ADMIN_END_EXAMPLE
              + "`.",
          END_EXAMPLE);
    }
    String reason = String.join(" ", words.subList(2, words.size()));
    return tooLong(reason, ADMIN_END_EXAMPLE)
        .orElseGet(() -> accept(new PairCommand.EndPair(a.get(), b.get(), reason)));
  }

  /** The refusal of a reason over {@link PairCommand#MAX_REASON}; empty when it fits. */
  private static Optional<Parsed> tooLong(String reason, String example) {
    if (reason == null || reason.length() <= PairCommand.MAX_REASON) {
      return Optional.empty();
    }
    return Optional.of(
        reject(
            "The reason is "
                + reason.length()
                + " characters long; keep it to "
                + PairCommand.MAX_REASON
                + ".",
            example));
  }

  private static Parsed accept(io.tandem.core.command.Command command) {
    return new Parsed.Accepted(command);
  }

  private static Parsed reject(String problem, String example) {
    return new Parsed.Rejected(problem, example);
  }
}
