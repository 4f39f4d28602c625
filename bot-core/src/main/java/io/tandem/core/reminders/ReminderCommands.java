package io.tandem.core.reminders;

import io.tandem.core.command.Command;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The commands of reminders, nudges and participation; {@link ReminderGrammar} parses them. Sealed
 * here, so that routing can check each has a handler.
 */
public sealed interface ReminderCommands extends Command.ReminderCommand {

  /**
   * Pause reminders until the start of {@code until}, or for {@code days} days; both {@code null}
   * means the default two weeks.
   */
  record Pause(LocalDate until, Integer days, Command.Target target)
      implements ReminderCommands, Command.PairScoped {
    public Pause {
      if (until != null && days != null) {
        throw new IllegalArgumentException("either a date or a number of days");
      }
      if (days != null && days < 1) {
        throw new IllegalArgumentException("days must be positive: " + days);
      }
    }

    public Pause(LocalDate until, Integer days) {
      this(until, days, Command.Target.NONE);
    }
  }

  record Resume(Command.Target target) implements ReminderCommands, Command.PairScoped {

    public Resume() {
      this(Command.Target.NONE);
    }
  }

  /**
   * Leave one program (the target's, or the only one); without {@code confirmed} Tandem asks first.
   */
  record Leave(boolean confirmed, Command.Target target)
      implements ReminderCommands, Command.PairScoped {

    public Leave(boolean confirmed) {
      this(confirmed, Command.Target.NONE);
    }
  }

  /** Carry on after the at-risk question. */
  record Continue(Command.Target target) implements ReminderCommands, Command.PairScoped {

    public Continue() {
      this(Command.Target.NONE);
    }
  }

  /**
   * Move the pair's reminder by {@code days}, to {@code until}, or ask which day ({@code pick}).
   */
  record Snooze(Integer days, LocalDate until, boolean pick, Command.Target target)
      implements ReminderCommands, Command.PairScoped {
    public Snooze {
      int given = (days != null ? 1 : 0) + (until != null ? 1 : 0) + (pick ? 1 : 0);
      if (given != 1) {
        throw new IllegalArgumentException("snooze takes exactly one of days, until, pick");
      }
    }

    public Snooze(Integer days, LocalDate until, boolean pick) {
      this(days, until, pick, Command.Target.NONE);
    }
  }

  /** "We need help": tell the program admins. */
  record Support(Command.Target target) implements ReminderCommands, Command.PairScoped {

    public Support() {
      this(Command.Target.NONE);
    }
  }

  /** {@code remind me}: when reminders reach the person, and how to change it. */
  record ShowReminderChoices() implements ReminderCommands {}

  /**
   * {@code remind me at 9:00}, {@code remind me [not] on weekends}: the person's own reminder time
   * (in their zone) and weekend choice for all their pairs; {@code null} keeps what they had.
   */
  record ChooseReminders(LocalTime at, Boolean weekends) implements ReminderCommands {
    public ChooseReminders {
      if (at == null && weekends == null) {
        throw new IllegalArgumentException("choose a time, a weekend choice or both");
      }
    }
  }

  /** Admins: nudge a person and their partner now. */
  record Nudge(String userId) implements ReminderCommands {
    public Nudge {
      Objects.requireNonNull(userId, "userId");
    }
  }
}
