package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser;
import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.port.in.Markup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The participants' check-in grammar: {@code log …}, {@code goal …} and {@code task …}.
 *
 * <pre>
 * log                                   opens the check-in form
 * log DURATION [topic…] [with @partner] [on DATE]
 * log [with @partner] [on DATE]         opens the form for that day
 * log list | log edit N | log delete N [confirm]
 * every form also takes [with @partner] and, without free text, [in PROGRAM] ({@link
 * TargetClauses})
 * goal add TEXT [by DATE] [for me|for partner]     (goal add alone opens a form)
 * goal done N | goal list | goal review
 * task add GOAL TEXT | task done N | task list
 * </pre>
 *
 * DATE is {@code yyyy-mm-dd}, {@code today} or {@code yesterday}; N is the number {@code log list},
 * {@code goal list} or {@code task list} shows (a leading {@code #} is fine).
 */
public final class CheckInGrammar {

  static final String LOG_EXAMPLE = "log 45m Instagram reels";
  public static final String LOG_WITH_EXAMPLE = "log 1h with @partner on 2026-05-04";
  static final String LOG_EDIT_EXAMPLE = "log edit 2";
  public static final String GOAL_EXAMPLE = "goal add Post one reel a week by 2026-06-30";
  static final String GOAL_DONE_EXAMPLE = "goal done 1";
  public static final String TASK_EXAMPLE = "task add 1 Film a 15-second reel";
  static final String TASK_DONE_EXAMPLE = "task done 1";

  private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,6})");

  private CheckInGrammar() {}

  public static Parsed log(String rest, MentionedUsers mentions) {
    return log(rest, mentions, Command.Target.NONE);
  }

  /** As {@link #log(String, MentionedUsers)}, for the pair or program {@code target} names. */
  public static Parsed log(String rest, MentionedUsers mentions, Command.Target target) {
    List<String> words = words(rest);
    Optional<Parsed> sub = words.isEmpty() ? Optional.empty() : logSubcommand(words, target);
    if (sub.isPresent()) {
      return sub.get();
    }
    String partner = null;
    Command.Day day = Command.Day.TODAY;
    List<String> rest2 = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String next = i + 1 < words.size() ? words.get(i + 1) : null;
      if (word.equalsIgnoreCase("with") && next != null && mentionsSomeone(next, mentions)) {
        Optional<String> id = mentions.userId(next);
        if (id.isEmpty()) {
          return reject(
              "`" + next + "` is not someone Tandem can find; mention your partner with @.",
              LOG_WITH_EXAMPLE);
        }
        partner = id.get();
        i++;
      } else if (word.equalsIgnoreCase("on") && next != null && looksLikeDay(next)) {
        Optional<Command.Day> parsed = day(next);
        if (parsed.isEmpty()) {
          return reject(
              "`" + next + "` is not a date; use the form 2026-05-04, `today` or `yesterday`.",
              LOG_WITH_EXAMPLE);
        }
        day = parsed.get();
        i++;
      } else {
        rest2.add(word);
      }
    }
    Command.Target aimed = partner == null ? target : target.withPartner(partner);
    if (rest2.isEmpty()) {
      return accept(new Command.OpenLogForm(day, aimed));
    }
    return timedLog(rest2, aimed, day);
  }

  /** {@code log list}, {@code log edit N}, {@code log delete N [confirm]}; empty for a log. */
  private static Optional<Parsed> logSubcommand(List<String> words, Command.Target target) {
    String sub = words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = words.subList(1, words.size());
    switch (sub) {
      case "list":
        return Optional.of(
            args.isEmpty()
                ? accept(new Command.ListLogs(target))
                : reject("`log list` takes no arguments.", "log list"));
      case "edit":
        return Optional.of(
            number(args, "session", LOG_EDIT_EXAMPLE, 1)
                .map(n -> accept(new Command.EditLog(n, target)))
                .orElseGet(() -> numberProblem(args, "session", LOG_EDIT_EXAMPLE)));
      case "delete":
        boolean confirmed = args.size() == 2 && args.get(1).equalsIgnoreCase("confirm");
        List<String> numberPart = confirmed ? args.subList(0, 1) : args;
        return Optional.of(
            number(numberPart, "session", "log delete 2", 1)
                .map(n -> accept(new Command.DeleteLog(n, confirmed, target)))
                .orElseGet(() -> numberProblem(numberPart, "session", "log delete 2")));
      default:
        return Optional.empty();
    }
  }

  /** {@code log <duration> [topic]}, the partner and day already read. */
  private static Parsed timedLog(List<String> rest2, Command.Target target, Command.Day day) {
    String durationText = rest2.get(0);
    String topic = String.join(" ", rest2.subList(1, rest2.size()));
    Optional<Integer> minutes = CommandParser.minutes(durationText);
    if (minutes.isEmpty()) {
      String why =
          durationText.startsWith("-")
              ? "`" + durationText + "` is negative; a session lasts a positive time."
              : "`"
                  + durationText
                  + "` is not a duration; use minutes and hours like `45m`, `1h`"
                  + " or `1h30m`.";
      return reject(why, LOG_EXAMPLE);
    }
    int value = minutes.get();
    if (value < 1) {
      return reject(
          "`" + durationText + "` is too short; a session lasts at least 1m.", LOG_EXAMPLE);
    }
    if (value > Command.MAX_SESSION_MINUTES) {
      return reject(
          "`"
              + durationText
              + "` is longer than one session can be; the most is "
              + Command.MAX_SESSION_MINUTES / 60
              + "h.",
          LOG_EXAMPLE);
    }
    if (topic.length() > Command.MAX_TOPIC_LENGTH) {
      return reject(
          "The topic is "
              + topic.length()
              + " characters long; keep it to "
              + Command.MAX_TOPIC_LENGTH
              + ".",
          LOG_EXAMPLE);
    }
    return accept(new Command.Log(value, topic, day, target));
  }

  public static Parsed goal(String rest) {
    return goal(rest, Command.Target.NONE);
  }

  /** {@code goal …} for the pair or program {@code target} names. */
  public static Parsed goal(String rest, Command.Target target) {
    List<String> words = words(rest);
    if (words.isEmpty()) {
      return reject("Say what to do with goals: add, done, list or review.", GOAL_EXAMPLE);
    }
    String sub = words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = new ArrayList<>(words.subList(1, words.size()));
    switch (sub) {
      case "add":
        return addGoal(args, target);
      case "done":
        return number(args, "goal", GOAL_DONE_EXAMPLE, 1)
            .map(n -> accept(new Command.GoalDone(n, target)))
            .orElseGet(() -> numberProblem(args, "goal", GOAL_DONE_EXAMPLE));
      case "list":
        return args.isEmpty()
            ? accept(new Command.ListGoals(target))
            : reject("`goal list` takes no arguments.", "goal list");
      case "review":
        return args.isEmpty()
            ? accept(new Command.ReviewGoals(target))
            : reject("`goal review` takes no arguments.", "goal review");
      default:
        return reject(
            "`"
                + words.get(0)
                + "` is not something Tandem does with goals; use add, done, list"
                + " or review.",
            GOAL_EXAMPLE);
    }
  }

  private static Parsed addGoal(List<String> args, Command.Target target) {
    if (args.isEmpty()) {
      return accept(new Command.OpenGoalForm(target));
    }
    LocalDate due = null;
    Command.GoalOwner owner = null;
    boolean changed = true;
    while (changed && args.size() >= 2) {
      changed = false;
      String keyword = args.get(args.size() - 2).toLowerCase(Locale.ROOT);
      String value = args.get(args.size() - 1);
      if (keyword.equals("for") && owner == null) {
        Optional<Command.GoalOwner> who = owner(value);
        if (who.isPresent()) {
          owner = who.get();
          args = args.subList(0, args.size() - 2);
          changed = true;
        }
      } else if (keyword.equals("by") && due == null && looksLikeDay(value)) {
        Optional<Command.Day> day = day(value);
        if (day.isEmpty() || day.get().date() == null) {
          return reject(
              "`" + value + "` is not a date; give the goal's date like 2026-06-30.", GOAL_EXAMPLE);
        }
        due = day.get().date();
        args = args.subList(0, args.size() - 2);
        changed = true;
      }
    }
    String text = String.join(" ", args).strip();
    if (text.isEmpty()) {
      return reject("Say what the goal is.", GOAL_EXAMPLE);
    }
    if (text.length() > Command.MAX_GOAL_LENGTH) {
      return reject(
          "The goal is "
              + text.length()
              + " characters long; keep it to "
              + Command.MAX_GOAL_LENGTH
              + ".",
          GOAL_EXAMPLE);
    }
    return accept(new Command.AddGoal(text, due, owner, target));
  }

  public static Parsed task(String rest) {
    return task(rest, Command.Target.NONE);
  }

  /** {@code task …} for the pair or program {@code target} names. */
  public static Parsed task(String rest, Command.Target target) {
    List<String> words = words(rest);
    if (words.isEmpty()) {
      return reject("Say what to do with tasks: add, done or list.", TASK_EXAMPLE);
    }
    String sub = words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = words.subList(1, words.size());
    switch (sub) {
      case "add":
        {
          if (args.isEmpty()) {
            return reject("Say which goal the task is for, then the task.", TASK_EXAMPLE);
          }
          Optional<Integer> goal = number(args.subList(0, 1), "goal", TASK_EXAMPLE, 1);
          if (goal.isEmpty()) {
            return reject(
                "`"
                    + args.get(0)
                    + "` is not a goal number; start with the goal's number from"
                    + " `"
                    + Markup.command("goal list")
                    + "`.",
                TASK_EXAMPLE);
          }
          String text = String.join(" ", args.subList(1, args.size())).strip();
          if (text.isEmpty()) {
            return reject("Say what the task is.", TASK_EXAMPLE);
          }
          if (text.length() > Command.MAX_GOAL_LENGTH) {
            return reject(
                "The task is "
                    + text.length()
                    + " characters long; keep it to "
                    + Command.MAX_GOAL_LENGTH
                    + ".",
                TASK_EXAMPLE);
          }
          return accept(new Command.AddTask(goal.get(), text, target));
        }
      case "done":
        return number(args, "task", TASK_DONE_EXAMPLE, 1)
            .map(n -> accept(new Command.TaskDone(n, target)))
            .orElseGet(() -> numberProblem(args, "task", TASK_DONE_EXAMPLE));
      case "list":
        return args.isEmpty()
            ? accept(new Command.ListTasks(target))
            : reject("`task list` takes no arguments.", "task list");
      default:
        return reject(
            "`"
                + words.get(0)
                + "` is not something Tandem does with tasks; use add, done or"
                + " list.",
            TASK_EXAMPLE);
    }
  }

  static Optional<Command.Day> day(String text) {
    return Command.Day.parse(text);
  }

  private static boolean looksLikeDay(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.equals("today")
        || t.equals("yesterday")
        || t.matches("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}");
  }

  /** Whether a word is meant as a mention: one that names someone, or any word after an @. */
  private static boolean mentionsSomeone(String word, MentionedUsers mentions) {
    return word.startsWith("@") || mentions.userId(word).isPresent();
  }

  private static Optional<Command.GoalOwner> owner(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "me", "myself" -> Optional.of(Command.GoalOwner.ME);
      case "partner", "my-partner", "them" -> Optional.of(Command.GoalOwner.PARTNER);
      default -> Optional.empty();
    };
  }

  private static Optional<Integer> number(List<String> args, String what, String example, int n) {
    if (args.size() != n) {
      return Optional.empty();
    }
    var m = NUMBER.matcher(args.get(0));
    if (!m.matches()) {
      return Optional.empty();
    }
    int value = Integer.parseInt(m.group(1));
    return value < 1 ? Optional.empty() : Optional.of(value);
  }

  private static Parsed numberProblem(List<String> args, String what, String example) {
    if (args.isEmpty()) {
      return reject(
          "Say which " + what + ", by the number `" + listing(what) + "` shows.", example);
    }
    return reject(
        "`"
            + String.join(" ", args)
            + "` is not a "
            + what
            + " number; use the number `"
            + listing(what)
            + "` shows.",
        example);
  }

  private static String listing(String what) {
    return (what.equals("session") ? "log" : what) + " list";
  }

  private static List<String> words(String rest) {
    return rest.isBlank() ? List.of() : Arrays.asList(rest.strip().split("\\s+"));
  }

  private static Parsed accept(Command command) {
    return new Parsed.Accepted(command);
  }

  private static Parsed reject(String problem, String example) {
    return new Parsed.Rejected(problem, example);
  }
}
