package io.tandem.core.reminders;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.util.Objects;

/** Routes the {@link ReminderCommands} to their use cases; the dispatcher hands them over. */
public final class ReminderRoutes {

  private final Reminders reminders;
  private final Nudges nudges;
  private final Participation participation;

  public ReminderRoutes(Reminders reminders, Nudges nudges, Participation participation) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    this.nudges = Objects.requireNonNull(nudges, "nudges");
    this.participation = Objects.requireNonNull(participation, "participation");
  }

  public Reply route(Actor actor, Command.ReminderCommand command) {
    if (command instanceof ReminderCommands.Pause pause) {
      return participation.pause(actor, pause.until(), pause.days());
    }
    if (command instanceof ReminderCommands.Resume) {
      return participation.resume(actor);
    }
    if (command instanceof ReminderCommands.Leave leave) {
      return participation.leave(actor, leave.confirmed());
    }
    if (command instanceof ReminderCommands.Continue) {
      return participation.carryOn(actor);
    }
    if (command instanceof ReminderCommands.Snooze snooze) {
      if (snooze.pick()) {
        return reminders.pickDay(actor);
      }
      return snooze.until() != null
          ? reminders.snoozeUntil(actor, snooze.until())
          : reminders.snooze(actor, snooze.days());
    }
    if (command instanceof ReminderCommands.Support) {
      return reminders.support(actor);
    }
    ReminderCommands.Nudge nudge = (ReminderCommands.Nudge) command;
    return nudges.nudgeNow(actor, nudge.userId());
  }

  /** Remembers admins as they use Tandem (they hear help requests and escalations). */
  public void seen(Actor actor) {
    participation.adminActed(actor);
  }
}
