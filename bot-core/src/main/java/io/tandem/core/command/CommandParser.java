package io.tandem.core.command;

import io.tandem.config.EditDistance;
import io.tandem.core.checkins.CheckInGrammar;
import io.tandem.core.checkins.TargetClauses;
import io.tandem.core.guidance.GuideGrammar;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.kernel.Role;
import io.tandem.core.matching.PairGrammar;
import io.tandem.core.port.in.Markup;
import io.tandem.core.privacy.PrivacyGrammar;
import io.tandem.core.programs.ProgramAdminGrammar;
import io.tandem.core.programs.ProgramGrammar;
import io.tandem.core.pulse.PulseGrammar;
import io.tandem.core.reminders.ReminderGrammar;
import io.tandem.core.reports.TargetGrammar;
import io.tandem.core.surveys.SurveyGrammar;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

// Long because its Verb table is the one list of verbs with their examples and help lines, read
// top to bottom; the grammars of the feature families live in their own packages.
/**
 * The one grammar for {@code /tandem <verb> …}, shared by every platform. Pure and thread-safe.
 * Every rejection names the problem and gives an example of the right form.
 */
public final class CommandParser {

  /** Longest command text accepted, before any verb-specific limit. */
  public static final int MAX_TEXT_LENGTH = 1000;

  private static final Pattern HOURS_AND_MINUTES =
      Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,5})m(?:in)?)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLAIN_MINUTES = Pattern.compile("\\d{1,5}");

  /** How a verb's summary starts when only admins may use it. */
  private static final String ADMINS = "admins: ";

  /**
   * The verbs people can type, with one example each, in the order help lists them. A summary that
   * starts with {@code admins: } marks a verb only admins see in help; {@code ; admins: } marks the
   * part of one only admins read.
   */
  public enum Verb {
    HELP("help", "help", "what Tandem can do"),
    JOIN("join", "join mentee", "join the program as a mentor or a mentee"),
    LOG(
        "log",
        "log 45m Instagram reels",
        "log a session ("
            + code("log")
            + " alone opens a form; "
            + code("log 1h with @partner on 2026-05-04")
            + "); "
            + code("log list")
            + ", "
            + code("log edit 2")
            + ", "
            + code("log delete 2")),
    GOAL(
        "goal",
        CheckInGrammar.GOAL_EXAMPLE,
        "your learning plan: "
            + code("goal add …")
            + " or "
            + code("goal add … by 2026-06-30 for partner")
            + ", "
            + code("goal done 1")
            + ", "
            + code("goal list")
            + ", "
            + code("goal review")),
    TASK(
        "task",
        CheckInGrammar.TASK_EXAMPLE,
        "steps towards a goal: "
            + code("task add 1 …")
            + ", "
            + code("task done 1")
            + ", "
            + code("task list")),
    STATUS("status", "status", "where you stand: every partner and program, sessions, goals"),
    PROFILE("profile", "profile", "edit your profile: skills, availability, how you meet"),
    EXCLUDE("exclude", "exclude @person", "never be paired with someone (only the matcher knows)"),
    PROGRAM(
        "program",
        ProgramGrammar.CREATE_EXAMPLE,
        "admins: create, edit, open, start, pause, close, list programs; "
            + code("program waitlist")
            + ", "
            + code("program people")
            + "; "
            + code("program admins add @person PROGRAM")
            + " makes someone an admin of one program ("
            + code("remove")
            + ", "
            + code("list")
            + "); "
            + code(PulseGrammar.EXAMPLE)
            + " sets when pairs are asked how it is going, "
            + code("program checkins off")
            + " stops it; "
            + code("program targets PROGRAM meet 80% goals 70% retention 100%")
            + " sets its targets",
        Pace.LONG),
    MATCH("match", "match preview", "admins: preview, swap and approve pairs", Pace.LONG),
    SURVEY(
        "survey",
        SurveyGrammar.SEND_EXAMPLE,
        "admins: send, schedule, list and read pulse surveys",
        Pace.LONG),
    GUIDE(
        "guide",
        GuideGrammar.EDIT_EXAMPLE,
        "admins: the guidance pairs get (role guides, first-session and session agendas): "
            + code("guide list")
            + ", "
            + code("guide edit first-session")
            + ", "
            + code("guide reset first-session")
            + ", "
            + code("guide import"),
        Pace.LONG),
    PAUSE(
        "pause", ReminderGrammar.PAUSE_EXAMPLE, "take a break from reminders: " + code("pause 2w")),
    RESUME("resume", "resume", "end a pause now"),
    LEAVE(
        "leave",
        ReminderGrammar.LEAVE_EXAMPLE,
        "quit one program (your partners are told): "
            + code(ReminderGrammar.LEAVE_PROGRAM_EXAMPLE)
            + "; with several partners or programs add "
            + code("with @partner")
            + " or "
            + code("in PROGRAM")
            + " to any of your commands"),
    PAIR(
        "pair",
        PairGrammar.END_EXAMPLE,
        "end your pairing but stay in the program (asks first); admins: "
            + code("pair end @a @b reason")
            + ", "
            + code("pair make @mentor @mentee")),
    SNOOZE(
        "snooze",
        ReminderGrammar.SNOOZE_EXAMPLE,
        "move your pair's reminder: `2d`, `until DATE`, `pick`"),
    CONTINUE("continue", "continue", "carry on with your pair after a quiet spell"),
    SUPPORT("support", "support", "ask the program admins for help with your pairing"),
    REMIND(
        "remind",
        ReminderGrammar.REMIND_EXAMPLE,
        "when reminders reach you, in your time zone: "
            + code("remind me at 9:00")
            + ", "
            + code("remind me on weekends")
            + " or "
            + code("remind me not on weekends")
            + "; "
            + code("remind me")
            + " alone shows it"),
    MY(
        "my",
        PrivacyGrammar.MY_DATA_EXAMPLE,
        "everything Tandem holds about you, as a private file",
        Pace.LONG),
    FORGET(
        "forget",
        PrivacyGrammar.FORGET_EXAMPLE,
        "erase your data and leave every program (asks first); admins: " + code("forget @person")),
    NUDGE("nudge", ReminderGrammar.NUDGE_EXAMPLE, "admins: nudge a person and their partner now"),
    REPORT(
        "report",
        "report Data pilot",
        "admins: a program's funnel, pair health, retention and the pairs needing attention",
        Pace.LONG),
    DASHBOARD(
        "dashboard",
        "dashboard",
        "admins: a private, short-lived link to the web dashboard (add a program's name for one)");

    public final String word;
    public final String example;
    public final String summary;
    public final Pace pace;

    Verb(String word, String example, String summary) {
      this(word, example, summary, Pace.QUICK);
    }

    Verb(String word, String example, String summary, Pace pace) {
      this.word = word;
      this.example = example;
      this.summary = summary;
      this.pace = pace;
    }

    /** Whether only admins (of the workspace or of a program) may use this verb. */
    public boolean adminOnly() {
      return summary.startsWith(ADMINS);
    }

    /** The summary without what only admins may do with the verb. */
    String participantSummary() {
      int admins = summary.indexOf("; " + ADMINS);
      return admins < 0 ? summary : summary.substring(0, admins);
    }

    static Optional<Verb> of(String word) {
      return Arrays.stream(values()).filter(v -> v.word.equals(word)).findFirst();
    }
  }

  /**
   * How long a verb's commands may take, which decides where they are answered. {@link #QUICK} ones
   * run as they arrive and are answered in the platform's acknowledgement once their effect commits
   * (a database transaction, milliseconds); {@link #LONG} ones (reports, exports, imports, match
   * runs, program changes that pair or message many people: anything that may take over a second or
   * post many messages) are acknowledged at once and answered from the intake's workers, so that no
   * acknowledgement waits for them.
   */
  public enum Pace {
    QUICK,
    LONG
  }

  /**
   * Whether a command text may be answered in the acknowledgement: its verb is {@link Pace#QUICK},
   * or it has no known verb (the answer is a rejection, made without the database).
   */
  public static boolean answersInAck(String text) {
    return verbIn(text).map(v -> v.pace == Pace.QUICK).orElse(true);
  }

  /**
   * The verb a command text starts with, when it is one; {@code unknown} otherwise. Safe for logs
   * and metrics: never the person's own words.
   */
  public static String verbOf(String text) {
    return verbIn(text).map(v -> v.word).orElse("unknown");
  }

  private static Optional<Verb> verbIn(String text) {
    String first = text == null ? "" : text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return Verb.of(first);
  }

  /** The outcome of parsing: a valid command, or a rejection to show the person privately. */
  public sealed interface Parsed {
    record Accepted(Command command) implements Parsed {}

    record Rejected(String problem, String example) implements Parsed {}
  }

  /**
   * A command that mentions nobody in a platform's syntax; see {@link #parse(String,
   * MentionedUsers)}.
   */
  public Parsed parse(String text) {
    return parse(text, MentionedUsers.NONE);
  }

  /**
   * @param text the command as typed, after {@code /tandem}
   * @param mentions whom its mentions name, as the adapter recognised them
   */
  public Parsed parse(String text, MentionedUsers mentions) {
    String raw = text == null ? "" : text;
    if (raw.length() > MAX_TEXT_LENGTH) {
      return reject(
          "That command is "
              + raw.length()
              + " characters long; the most is "
              + MAX_TEXT_LENGTH
              + ".",
          Verb.LOG);
    }
    Optional<String> control = firstControlCharacter(raw);
    if (control.isPresent()) {
      return reject(
          "Your command contains a control character ("
              + control.get()
              + ") that Tandem cannot store; type it again without it.",
          Verb.LOG);
    }
    List<String> words = Arrays.asList(raw.strip().split("\\s+", 2));
    String verbWord = words.get(0).toLowerCase(Locale.ROOT);
    String rest = words.size() > 1 ? words.get(1).strip() : "";
    if (verbWord.isEmpty()) {
      return reject("Tell Tandem what to do after `/tandem`.", Verb.HELP);
    }
    Optional<Verb> verb = Verb.of(verbWord);
    if (verb.isEmpty()) {
      return new Parsed.Rejected(unknownVerb(verbWord), Verb.HELP.example);
    }
    return switch (verb.get()) {
      case HELP -> accept(new Command.Help());
      case STATUS ->
          rest.isEmpty()
              ? accept(new Command.Status())
              : reject("`status` takes no arguments, but got `" + rest + "`.", Verb.STATUS);
      case JOIN -> parseJoin(rest);
      case LOG, GOAL, TASK, PAUSE, RESUME, LEAVE, SNOOZE, CONTINUE, SUPPORT ->
          participant(verb.get(), rest, mentions);
      case PROFILE -> accept(new Command.EditProfile(rest.isEmpty() ? null : rest));
      case EXCLUDE -> parseExclude(rest, mentions);
      case PROGRAM -> program(rest, mentions);
      case MATCH -> ProgramGrammar.match(rest, mentions);
      case PAIR -> PairGrammar.pair(rest, mentions);
      case REMIND -> ReminderGrammar.remind(rest);
      case MY -> PrivacyGrammar.myData(rest);
      case FORGET -> PrivacyGrammar.forget(rest, mentions);
      case NUDGE -> ReminderGrammar.nudge(rest, mentions);
      case SURVEY -> SurveyGrammar.survey(rest);
      case GUIDE -> GuideGrammar.guide(rest);
      case REPORT -> accept(new Command.Report(rest));
      case DASHBOARD -> accept(new Command.OpenDashboard(rest.isEmpty() ? null : rest));
    };
  }

  /** A participant command: its target clauses first ({@link TargetClauses}), then its words. */
  private static Parsed participant(Verb verb, String rest, MentionedUsers mentions) {
    return switch (verb) {
      case LOG ->
          targeted(
              rest,
              mentions,
              TargetClauses::logTakesProgram,
              CheckInGrammar.LOG_WITH_EXAMPLE,
              (logText, target) -> CheckInGrammar.log(logText, mentions, target));
      case GOAL -> targeted(rest, mentions, TargetClauses::goalTakesProgram, CheckInGrammar::goal);
      case TASK -> targeted(rest, mentions, TargetClauses::taskTakesProgram, CheckInGrammar::task);
      case PAUSE -> targeted(rest, mentions, TargetClauses::always, ReminderGrammar::pause);
      case RESUME -> targeted(rest, mentions, TargetClauses::always, ReminderGrammar::resume);
      case LEAVE -> targeted(rest, mentions, TargetClauses::always, ReminderGrammar::leave);
      case SNOOZE -> targeted(rest, mentions, TargetClauses::always, ReminderGrammar::snooze);
      case CONTINUE -> targeted(rest, mentions, TargetClauses::always, ReminderGrammar::carryOn);
      case SUPPORT -> targeted(rest, mentions, TargetClauses::always, ReminderGrammar::support);
      default -> throw new IllegalArgumentException("not a participant command: " + verb);
    };
  }

  /** Reads the target clauses, then hands the rest of the words to the verb's grammar. */
  private static Parsed targeted(
      String rest,
      MentionedUsers mentions,
      Predicate<List<String>> programAllowed,
      BiFunction<String, Command.Target, Parsed> grammar) {
    return targeted(rest, mentions, programAllowed, TargetClauses.WITH_EXAMPLE, grammar);
  }

  private static Parsed targeted(
      String rest,
      MentionedUsers mentions,
      Predicate<List<String>> programAllowed,
      String example,
      BiFunction<String, Command.Target, Parsed> grammar) {
    TargetClauses.Split split = TargetClauses.split(rest, mentions, programAllowed, example);
    return split.problem() != null ? split.problem() : grammar.apply(split.rest(), split.target());
  }

  /** {@code program …}: its admins, check-in points and targets have grammars of their own. */
  private static Parsed program(String rest, MentionedUsers mentions) {
    if (ProgramAdminGrammar.isAdmins(rest)) {
      return ProgramAdminGrammar.admins(rest, mentions);
    }
    if (PulseGrammar.isCheckIns(rest)) {
      return PulseGrammar.checkIns(rest);
    }
    if (TargetGrammar.isTargets(rest)) {
      return TargetGrammar.targets(rest);
    }
    return ProgramGrammar.program(rest, mentions);
  }

  private static Parsed parseJoin(String rest) {
    if (rest.isEmpty()) {
      return reject("Say whether you join as a mentor or a mentee.", Verb.JOIN);
    }
    String[] parts = rest.split("\\s+", 2);
    Optional<Role> role = Role.parse(parts[0]);
    if (role.isEmpty()) {
      return reject("`" + parts[0] + "` is not a role; choose mentor or mentee.", Verb.JOIN);
    }
    String program = parts.length > 1 ? parts[1].strip() : null;
    return accept(new Command.Join(role.get(), program));
  }

  private static Parsed parseExclude(String rest, MentionedUsers mentions) {
    Optional<String> userId = rest.isEmpty() ? Optional.empty() : mentions.userId(rest);
    if (userId.isEmpty()) {
      return reject("Mention the one person you should never be paired with.", Verb.EXCLUDE);
    }
    return accept(new Command.Exclude(userId.get()));
  }

  /** {@code 45m}, {@code 1h}, {@code 1h30m}, {@code 90} (minutes); empty when not a duration. */
  public static Optional<Integer> minutes(String text) {
    if (PLAIN_MINUTES.matcher(text).matches()) {
      return Optional.of(Integer.parseInt(text));
    }
    Matcher matcher = HOURS_AND_MINUTES.matcher(text);
    if (text.isEmpty() || !matcher.matches()) {
      return Optional.empty();
    }
    int hours = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
    int minutes = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
    return Optional.of(hours * 60 + minutes);
  }

  private static Optional<String> firstControlCharacter(String text) {
    return text.codePoints()
        .filter(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
        .mapToObj(c -> String.format("U+%04X", c))
        .findFirst();
  }

  private static String unknownVerb(String word) {
    String shown = word.length() > 30 ? word.substring(0, 30) + "…" : word;
    String suggestion =
        Arrays.stream(Verb.values())
            .min(Comparator.comparingInt(v -> EditDistance.between(v.word, word)))
            .filter(v -> EditDistance.between(v.word, word) <= 2)
            .map(v -> " Did you mean `" + v.word + "`?")
            .orElse(" See `" + Markup.command("help") + "` for what Tandem understands.");
    return "`" + shown + "` is not a Tandem command." + suggestion;
  }

  private static Parsed accept(Command command) {
    return new Parsed.Accepted(command);
  }

  /** A command to type, shown as code: help's descriptions name the subcommands they mention. */
  private static String code(String command) {
    return "`" + Markup.command(command) + "`";
  }

  private static Parsed reject(String problem, Verb example) {
    return new Parsed.Rejected(problem, example.example);
  }
}
