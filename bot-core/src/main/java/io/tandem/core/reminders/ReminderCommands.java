package io.tandem.core.reminders;

import io.tandem.core.command.Command;
import java.time.LocalDate;
import java.util.Objects;

/** The commands of reminders, nudges and participation; {@link ReminderGrammar} parses them. */
public final class ReminderCommands {

  private ReminderCommands() {}

  /**
   * Pause reminders until the start of {@code until}, or for {@code days} days; both {@code null}
   * means the default two weeks.
   */
  public record Pause(LocalDate until, Integer days) implements Command.ReminderCommand {
    public Pause {
      if (until != null && days != null) {
        throw new IllegalArgumentException("either a date or a number of days");
      }
      if (days != null && days < 1) {
        throw new IllegalArgumentException("days must be positive: " + days);
      }
    }
  }

  public record Resume() implements Command.ReminderCommand {}

  /** Leave the program; without {@code confirmed} Tandem asks first. */
  public record Leave(boolean confirmed) implements Command.ReminderCommand {}

  /** Carry on after the at-risk question. */
  public record Continue() implements Command.ReminderCommand {}

  /**
   * Move the pair's reminder by {@code days}, to {@code until}, or ask which day ({@code pick}).
   */
  public record Snooze(Integer days, LocalDate until, boolean pick)
      implements Command.ReminderCommand {
    public Snooze {
      int given = (days != null ? 1 : 0) + (until != null ? 1 : 0) + (pick ? 1 : 0);
      if (given != 1) {
        throw new IllegalArgumentException("snooze takes exactly one of days, until, pick");
      }
    }
  }

  /** "We need help": tell the program admins. */
  public record Support() implements Command.ReminderCommand {}

  /** Admins: nudge a person and their partner now. */
  public record Nudge(String userId) implements Command.ReminderCommand {
    public Nudge {
      Objects.requireNonNull(userId, "userId");
    }
  }
}
