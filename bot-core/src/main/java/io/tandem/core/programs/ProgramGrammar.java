package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin grammar: {@code program …} and {@code match …}. */
public final class ProgramGrammar {

  public static final String CREATE_EXAMPLE =
      "program create Data pilot every 2w for 26w cap 20 skills Instagram, SQL, Figma";
  static final String CHANGE_EXAMPLE = "program start Data pilot";
  static final String SWAP_EXAMPLE = "match swap @ana @ben";
  static final String MAX_NAME = "100";

  /** Weight names the matcher understands, in {@code weights teach=3,learn=2} form. */
  static final Set<String> WEIGHT_NAMES =
      Set.of("teach", "learn", "communication", "overlap", "department", "generation");

  private static final List<String> KEYWORDS =
      List.of("every", "for", "cap", "gap", "cooldown", "weights", "skills");
  private static final Pattern SPAN =
      Pattern.compile("(\\d{1,4})([dwm])", Pattern.CASE_INSENSITIVE);

  private ProgramGrammar() {}

  public static Parsed program(String rest, MentionedUsers mentions) {
    String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+", 2);
    if (words.length == 0) {
      return reject(
          "Say what to do with the program: create, edit, open, start, pause, close, show, list,"
              + " waitlist or people.",
          CREATE_EXAMPLE);
    }
    String action = words[0].toLowerCase(Locale.ROOT);
    String args = words.length > 1 ? words[1].strip() : "";
    if (action.equals("list")) {
      return new Parsed.Accepted(new Command.ListPrograms());
    }
    if (action.equals("create")) {
      return create(args);
    }
    Optional<Parsed> control = ProgramControlGrammar.parse(action, args, mentions);
    if (control.isPresent()) {
      return control.get();
    }
    Optional<Command.ProgramAction> change =
        Arrays.stream(Command.ProgramAction.values())
            .filter(a -> a.name().equalsIgnoreCase(action))
            .findFirst();
    if (change.isEmpty()) {
      return reject(
          "`"
              + words[0]
              + "` is not something Tandem does to a program; use create, edit, open, start, pause,"
              + " close, show, list, waitlist or people.",
          CHANGE_EXAMPLE);
    }
    if (args.isEmpty()) {
      return reject("Name the program to " + action + ".", CHANGE_EXAMPLE);
    }
    return new Parsed.Accepted(new Command.ChangeProgram(change.get(), unquote(args)));
  }

  public static Parsed match(String rest, MentionedUsers mentions) {
    String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
    if (words.length == 0) {
      return reject("Say preview, swap or approve.", "match preview");
    }
    String program =
        words.length > 1 ? String.join(" ", List.of(words).subList(1, words.length)) : null;
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "preview":
        return new Parsed.Accepted(new Command.PreviewMatch(program));
      case "approve":
        return new Parsed.Accepted(new Command.ApproveMatch(program));
      case "swap":
        if (words.length < 3) {
          return reject("Name the two people whose partners to exchange.", SWAP_EXAMPLE);
        }
        Optional<String> first = mentions.userId(words[1]);
        Optional<String> second = mentions.userId(words[2]);
        if (first.isEmpty() || second.isEmpty()) {
          return reject("Mention both people, like `@ana @ben`.", SWAP_EXAMPLE);
        }
        String swapProgram =
            words.length > 3 ? String.join(" ", List.of(words).subList(3, words.length)) : null;
        return new Parsed.Accepted(new Command.SwapMatch(first.get(), second.get(), swapProgram));
      default:
        return reject(
            "`" + words[0] + "` is not a match step; use preview, swap or approve.",
            "match preview");
    }
  }

  private static Parsed create(String args) {
    Read read = read(args, CREATE_EXAMPLE);
    if (read.name().isEmpty()) {
      return reject("Give the program a name.", CREATE_EXAMPLE);
    }
    if (read.rejected() != null) {
      return read.rejected();
    }
    CreateSettings settings = read.settings();
    return new Parsed.Accepted(
        new Command.CreateProgram(
            read.name(),
            settings.cadenceDays,
            settings.durationWeeks,
            settings.cap,
            settings.gap,
            settings.cooldownDays,
            settings.skills,
            settings.weights));
  }

  /**
   * A program's name (possibly empty) and the settings written after it, or why they are wrong.
   *
   * @param rejected {@code null} when the text was read
   */
  record Read(String name, CreateSettings settings, Parsed rejected) {}

  /**
   * Reads {@code NAME every 2w cap 20 …} as {@code program create} and {@code program edit} both
   * take it: the same keywords, limits and messages, with {@code example} in every rejection.
   * {@code cap=20} reads as {@code cap 20}.
   */
  static Read read(String args, String example) {
    List<String> tokens = new ArrayList<>();
    for (String word : args.isEmpty() ? new String[0] : args.split("\\s+")) {
      int eq = word.indexOf('=');
      if (eq > 0 && KEYWORDS.contains(word.substring(0, eq).toLowerCase(Locale.ROOT))) {
        tokens.add(word.substring(0, eq));
        word = word.substring(eq + 1);
      }
      if (!word.isEmpty()) {
        tokens.add(word);
      }
    }
    List<String> nameWords = new ArrayList<>();
    while (!tokens.isEmpty()
        && !KEYWORDS.contains(tokens.get(0).toLowerCase(Locale.ROOT).replace(":", ""))) {
      nameWords.add(tokens.remove(0));
    }
    String name = unquote(String.join(" ", nameWords));
    CreateSettings settings = new CreateSettings();
    if (name.length() > 100) {
      return new Read(
          name,
          settings,
          reject(
              "The name is " + name.length() + " characters long; keep it to " + MAX_NAME + ".",
              example));
    }
    while (!tokens.isEmpty()) {
      String keyword = tokens.remove(0).toLowerCase(Locale.ROOT).replace(":", "");
      Optional<Parsed> rejected;
      if (keyword.equals("skills")) {
        rejected = skills(tokens, settings, example);
        tokens.clear();
      } else if (tokens.isEmpty()) {
        rejected = Optional.of(reject("`" + keyword + "` needs a value.", example));
      } else {
        rejected = setting(keyword, tokens.remove(0), settings, example);
      }
      if (rejected.isPresent()) {
        return new Read(name, settings, rejected.get());
      }
      settings.given.add(keyword);
    }
    return new Read(name, settings, null);
  }

  /** Reads the skill list that ends the command; the rejection, if any. */
  private static Optional<Parsed> skills(
      List<String> tokens, CreateSettings settings, String example) {
    settings.skills =
        Arrays.stream(String.join(" ", tokens).split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    if (settings.skills.isEmpty()) {
      return Optional.of(reject("List the skills after `skills`, separated by commas.", example));
    }
    if (settings.skills.size() > 50 || settings.skills.stream().anyMatch(s -> s.length() > 40)) {
      return Optional.of(
          reject("Keep the skill list to 50 skills of at most 40 characters each.", example));
    }
    return Optional.empty();
  }

  /**
   * The settings of {@code program create} as they are read, starting from the defaults; {@code
   * given} names the keywords the text set.
   */
  static final class CreateSettings {
    final java.util.Set<String> given = new java.util.LinkedHashSet<>();
    int cadenceDays = 14;
    int durationWeeks = 26;
    Integer cap;
    int gap = 1;
    int cooldownDays = 365;
    String weights = "";
    List<String> skills = List.of();
  }

  /** Reads one {@code keyword value} setting into {@code settings}; the rejection, if any. */
  private static Optional<Parsed> setting(
      String keyword, String value, CreateSettings settings, String example) {
    String given = "`" + keyword + " " + value + "` ";
    switch (keyword) {
      case "every" -> {
        Optional<Integer> days = days(value);
        if (days.isEmpty() || days.get() < 1 || days.get() > 90) {
          return invalid(
              given + "is not a cadence; use days or weeks up to 90 days, like `2w`.", example);
        }
        settings.cadenceDays = days.get();
      }
      case "for" -> {
        Optional<Integer> days = days(value);
        if (days.isEmpty() || days.get() < 7 || days.get() > 730) {
          return invalid(
              given + "is not a duration; use weeks or months from 1w to 24m, like `26w`.",
              example);
        }
        settings.durationWeeks = (days.get() + 6) / 7;
      }
      case "cap" -> {
        Optional<Integer> n = number(value);
        if (n.isEmpty() || n.get() < 2 || n.get() > 10_000) {
          return invalid(given + "is not a pilot size; use a number from 2 to 10000.", example);
        }
        settings.cap = n.get();
      }
      case "gap" -> {
        Optional<Integer> n = number(value);
        if (n.isEmpty() || n.get() > 5) {
          return invalid(given + "is not a seniority gap; use 0 to 5 bands.", example);
        }
        settings.gap = n.get();
      }
      case "cooldown" -> {
        Optional<Integer> days = days(value);
        if (days.isEmpty() || days.get() > 3650) {
          return invalid(
              given + "is not a repeat cooldown; use days, weeks or months, like `12m`.", example);
        }
        settings.cooldownDays = days.get();
      }
      case "weights" -> {
        Optional<String> problem = weightProblem(value);
        if (problem.isPresent()) {
          return Optional.of(reject(problem.get(), example));
        }
        settings.weights = value.toLowerCase(Locale.ROOT);
      }
      default -> {
        return invalid("`" + keyword + "` is not a program setting.", example);
      }
    }
    return Optional.empty();
  }

  private static Optional<Parsed> invalid(String message, String example) {
    return Optional.of(reject(message, example));
  }

  private static Optional<String> weightProblem(String value) {
    for (String pair : value.split(",")) {
      String[] kv = pair.split("=");
      if (kv.length != 2 || !WEIGHT_NAMES.contains(kv[0].toLowerCase(Locale.ROOT))) {
        return Optional.of(
            "`"
                + pair
                + "` is not a weight; use name=number with names "
                + String.join(", ", WEIGHT_NAMES.stream().sorted().toList())
                + ".");
      }
      Optional<Integer> n = number(kv[1]);
      if (n.isEmpty() || n.get() > 100) {
        return Optional.of("`" + pair + "`: a weight is a whole number from 0 to 100.");
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> days(String value) {
    Matcher m = SPAN.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(m.group(1));
    return Optional.of(
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "w" -> n * 7;
          case "m" -> (int) Math.round(n * 365.0 / 12);
          default -> n;
        });
  }

  private static Optional<Integer> number(String value) {
    return value.matches("\\d{1,6}") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
  }

  private static String unquote(String text) {
    String t = text.strip();
    if (t.length() >= 2
        && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("“") && t.endsWith("”"))) {
      return t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  private static Parsed reject(String problem, String example) {
    return new Parsed.Rejected(problem, example);
  }
}
