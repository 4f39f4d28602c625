package io.tandem.core.reminders;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * Cadence reminders: what is due at an instant (called by the reminder job), and what people do
 * with a reminder — snooze it, pick another day, ask the admins for help; one entry point over the
 * use cases that do each ({@link QueueReminders}, {@link MoveReminder}, {@link AskForHelp}).
 *
 * <p>A pair's round starts at approval, at its last logged session, or when it last restarted
 * ({@link PairPeople#base()}); slots follow every {@code cadenceDays}. Each person hears about a
 * slot at their preferred hour on the slot's local date, outside quiet hours and weekends ({@link
 * io.tandem.core.reminders.ReminderTimes}). A reminder goes out only while it is less than {@link
 * ReminderSettings#catchUp()} late, so downtime never causes a flood. Keys {@code
 * reminder:{pairId}:{occurrence}:{userId}} (the occurrence is the slot's UTC date) make a job that
 * fires twice change nothing.
 */
public final class Reminders {

  private final ReminderPass pass;
  private final MoveReminder move;
  private final AskForHelp help;
  private final ChooseReminderTimes choices;

  public Reminders(Database db, Clock clock, ReminderSettings settings) {
    this.pass = new ReminderPass(db, settings);
    this.move = new MoveReminder(db, clock);
    this.help = new AskForHelp(db, clock);
    this.choices = new ChooseReminderTimes(db, clock, settings);
  }

  /**
   * Queues every reminder due at {@code at}, in a few short transactions ({@link ReminderPass}).
   *
   * @return how many messages were newly queued
   */
  public int queueDue(Instant at) {
    return pass.run(at, true, false).reminders();
  }

  /**
   * Queues every reminder and then every nudge due at {@code at}, judged from one reading of the
   * active pairs: the reminder job's pass.
   */
  ReminderPass.Counts queueDueWithNudges(Instant at) {
    return pass.run(at, true, true);
  }

  /**
   * When the reminder job will next send {@code person} a reminder, judged at {@code at} by the
   * same rules as {@link #queueDue}: the earliest send time after {@code at} among the occurrences
   * the job will consider (one round further ahead, since a send time can fall after its slot).
   * Empty while the pair is not reminded at all (someone paused or left, or the pair is at risk).
   * Status and the App Home show it; it never queues anything.
   */
  public static Optional<Instant> nextFor(
      PairPeople pp, PairPeople.Person person, Instant at, ReminderTimes.QuietHours quiet) {
    return QueueReminders.nextFor(pp, person, at, quiet);
  }

  /** {@code snooze Nd}: the pair's reminder comes back in N days. */
  public Reply snooze(Actor actor, int days) {
    return snooze(actor, new ReminderCommands.Snooze(days, null, false));
  }

  /** {@code snooze until DATE}: the reminder comes back on that day (the actor's time zone). */
  public Reply snoozeUntil(Actor actor, LocalDate day) {
    return snooze(actor, new ReminderCommands.Snooze(null, day, false));
  }

  /** {@code snooze pick}: offers the next weekdays as buttons. */
  public Reply pickDay(Actor actor) {
    return snooze(actor, new ReminderCommands.Snooze(null, null, true));
  }

  /** Any {@code snooze}, for the pair its target names (or the actor's only one). */
  public Reply snooze(Actor actor, ReminderCommands.Snooze snooze) {
    if (snooze.pick()) {
      return move.pickDay(actor, snooze.target());
    }
    return snooze.until() != null
        ? move.snoozeUntil(actor, snooze.until(), snooze.target())
        : move.snooze(actor, snooze.days(), snooze.target());
  }

  /** "We need help": tells the workspace's admins, privately, who asks. */
  public Reply support(Actor actor) {
    return support(actor, Command.Target.NONE);
  }

  /** "We need help" about the pair {@code target} names. */
  public Reply support(Actor actor, Command.Target target) {
    return help.support(actor, target);
  }

  /** {@code remind me}: when reminders reach the actor, with a button to change it. */
  public Reply showChoices(Actor actor) {
    return choices.show(actor);
  }

  /**
   * {@code remind me at 9:00} / {@code [not] on weekends}: the actor's own choice for all their
   * pairs; a {@code null} keeps what they had.
   */
  public Reply choose(Actor actor, LocalTime at, Boolean weekends) {
    return choices.choose(actor, at, weekends);
  }

  /** Opens the form with the actor's reminder choices. */
  public Reply openChoicesForm(Actor actor) {
    return choices.openForm(actor);
  }

  /** The reminder form was sent. */
  public Reply choicesSubmitted(Actor actor, Map<String, String> values) {
    return choices.submitted(actor, values);
  }
}
