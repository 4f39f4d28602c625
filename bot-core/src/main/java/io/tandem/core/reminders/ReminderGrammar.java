package io.tandem.core.reminders;

import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.port.in.Markup;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pause [until DATE|2w|10d]}, {@code resume}, {@code leave [PROGRAM] [confirm]}, {@code
 * continue}, {@code snooze 2d|until DATE|pick}, {@code support}, {@code remind me [at TIME] [[not]
 * on weekends]}, and the admins' {@code nudge @person}.
 */
public final class ReminderGrammar {

  public static final String PAUSE_EXAMPLE = "pause until 2026-06-01";
  public static final String SNOOZE_EXAMPLE = "snooze 2d";
  public static final String NUDGE_EXAMPLE = "nudge @ana";
  public static final String LEAVE_EXAMPLE = "leave";
  public static final String REMIND_EXAMPLE = "remind me at 9:00";

  /** A weekend choice at the end of {@code remind me …}: {@code [not] on weekends}. */
  private static final Pattern WEEKENDS =
      Pattern.compile("(?:^|\\s)(not\\s+)?on\\s+weekends?$", Pattern.CASE_INSENSITIVE);

  public static final String LEAVE_PROGRAM_EXAMPLE = "leave in Data pilot";

  private static final Pattern SPAN =
      Pattern.compile("(\\d{1,3})\\s*([dw])", Pattern.CASE_INSENSITIVE);

  private ReminderGrammar() {}

  public static Parsed pause(String rest) {
    return pause(rest, Command.Target.NONE);
  }

  public static Parsed pause(String rest, Command.Target target) {
    if (rest.isEmpty()) {
      return accept(new ReminderCommands.Pause(null, null, target));
    }
    String text = rest.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("until ")) {
      return date(text.substring(6).strip(), PAUSE_EXAMPLE)
          .<Parsed>map(d -> accept(new ReminderCommands.Pause(d, null, target)))
          .orElseGet(
              () ->
                  reject(
                      "`" + text.substring(6).strip() + "` is not a date; write it as YYYY-MM-DD.",
                      PAUSE_EXAMPLE));
    }
    Optional<Integer> days = days(lower);
    if (days.isPresent()) {
      if (days.get() < 1) {
        return reject("Pause for at least one day.", "pause 2w");
      }
      return accept(new ReminderCommands.Pause(null, days.get(), target));
    }
    Optional<LocalDate> day = date(text, PAUSE_EXAMPLE);
    if (day.isPresent()) {
      return accept(new ReminderCommands.Pause(day.get(), null, target));
    }
    return reject(
        "`" + text + "` is not a pause length; say `until 2026-06-01`, `2w` or `10d`.",
        PAUSE_EXAMPLE);
  }

  public static Parsed resume(String rest) {
    return resume(rest, Command.Target.NONE);
  }

  public static Parsed resume(String rest, Command.Target target) {
    return rest.isEmpty()
        ? accept(new ReminderCommands.Resume(target))
        : reject("`resume` takes no arguments, but got `" + rest + "`.", "resume");
  }

  public static Parsed carryOn(String rest) {
    return carryOn(rest, Command.Target.NONE);
  }

  public static Parsed carryOn(String rest, Command.Target target) {
    return rest.isEmpty()
        ? accept(new ReminderCommands.Continue(target))
        : reject("`continue` takes no arguments, but got `" + rest + "`.", "continue");
  }

  public static Parsed support(String rest) {
    return support(rest, Command.Target.NONE);
  }

  public static Parsed support(String rest, Command.Target target) {
    return accept(new ReminderCommands.Support(target));
  }

  public static Parsed leave(String rest) {
    return leave(rest, Command.Target.NONE);
  }

  /**
   * {@code leave [PROGRAM] [confirm]}; the program may also be named as {@code in PROGRAM} or by
   * the button's target.
   */
  public static Parsed leave(String rest, Command.Target named) {
    Command.Target target = named;
    String text = rest.strip();
    String program = named.program();
    if (program != null && program.toLowerCase(Locale.ROOT).endsWith(" confirm")) {
      // "leave in Data pilot confirm": the confirmation came after the program's name
      text = (text + " confirm").strip();
      target =
          new Command.Target(
              named.partnerUserId(),
              program.substring(0, program.length() - " confirm".length()),
              named.pairId(),
              named.participantId());
    }
    boolean confirmed = false;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("confirm")) {
      confirmed = true;
      text = "";
    } else if (lower.endsWith(" confirm")) {
      confirmed = true;
      text = text.substring(0, text.length() - " confirm".length()).strip();
    } else if (lower.startsWith("confirm ")) {
      confirmed = true;
      text = text.substring("confirm ".length()).strip();
    }
    if (!text.isEmpty() && target.program() != null) {
      return reject(
          "Name one program to leave, but got `" + text + "` and `" + target.program() + "`.",
          LEAVE_PROGRAM_EXAMPLE);
    }
    Command.Target aimed =
        text.isEmpty()
            ? target
            : new Command.Target(
                target.partnerUserId(), text, target.pairId(), target.participantId());
    return accept(new ReminderCommands.Leave(confirmed, aimed));
  }

  public static Parsed snooze(String rest) {
    return snooze(rest, Command.Target.NONE);
  }

  public static Parsed snooze(String rest, Command.Target target) {
    String lower = rest.toLowerCase(Locale.ROOT).strip();
    if (lower.isEmpty()) {
      return reject("Say how long to snooze: `2d`, `until 2026-06-01` or `pick`.", SNOOZE_EXAMPLE);
    }
    if (lower.equals("pick")) {
      return accept(new ReminderCommands.Snooze(null, null, true, target));
    }
    if (lower.startsWith("until ")) {
      String text = rest.strip().substring(6).strip();
      return date(text, SNOOZE_EXAMPLE)
          .<Parsed>map(d -> accept(new ReminderCommands.Snooze(null, d, false, target)))
          .orElseGet(
              () ->
                  reject("`" + text + "` is not a date; write it as YYYY-MM-DD.", SNOOZE_EXAMPLE));
    }
    Optional<Integer> days = days(lower);
    if (days.isEmpty()) {
      return reject("`" + rest + "` is not a snooze length; say `2d` or `1w`.", SNOOZE_EXAMPLE);
    }
    if (days.get() < 1 || days.get() > 30) {
      return reject("Snooze for 1 to 30 days.", SNOOZE_EXAMPLE);
    }
    return accept(new ReminderCommands.Snooze(days.get(), null, false, target));
  }

  /**
   * {@code remind me} (show the choices), {@code remind me at 9:00|9am|17:30}, {@code remind me on
   * weekends}, {@code remind me not on weekends}, or a time and a weekend choice together.
   */
  public static Parsed remind(String rest) {
    String text = rest.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.equals("me") && !lower.startsWith("me ")) {
      return reject(
          "Say `remind me` to see when reminders reach you, or `remind me at 9:00`, `remind me on"
              + " weekends`, `remind me not on weekends` to change it.",
          REMIND_EXAMPLE);
    }
    String what = text.substring(2).strip();
    if (what.isEmpty()) {
      return accept(new ReminderCommands.ShowReminderChoices());
    }
    Boolean weekends = null;
    Matcher weekend = WEEKENDS.matcher(what);
    if (weekend.find()) {
      weekends = weekend.group(1) == null;
      what = what.substring(0, weekend.start()).strip();
    }
    if (what.isEmpty()) {
      return accept(new ReminderCommands.ChooseReminders(null, weekends));
    }
    if (!what.toLowerCase(Locale.ROOT).startsWith("at ")) {
      return reject(
          "`"
              + Markup.text(what.length() > 30 ? what.substring(0, 30) + "…" : what)
              + "` is not a reminder choice; say `at 9:00`, `on weekends` or `not on weekends`.",
          REMIND_EXAMPLE);
    }
    try {
      return accept(
          new ReminderCommands.ChooseReminders(TimeOfDay.parse(what.substring(3)), weekends));
    } catch (IllegalArgumentException e) {
      return reject(e.getMessage(), "remind me at 17:30");
    }
  }

  public static Parsed nudge(String rest, MentionedUsers mentions) {
    Optional<String> userId = rest.isEmpty() ? Optional.empty() : mentions.userId(rest);
    if (userId.isEmpty()) {
      return reject("Mention the one person to nudge; their partner is nudged too.", NUDGE_EXAMPLE);
    }
    return accept(new ReminderCommands.Nudge(userId.get()));
  }

  private static Optional<Integer> days(String text) {
    Matcher m = SPAN.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(m.group(1));
    return Optional.of(m.group(2).equalsIgnoreCase("w") ? n * 7 : n);
  }

  private static Optional<LocalDate> date(String text, String example) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Parsed accept(Command command) {
    return new Parsed.Accepted(command);
  }

  private static Parsed reject(String problem, String example) {
    return new Parsed.Rejected(problem, example);
  }
}
