package io.tandem.core.reminders;

import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.home.ReminderChoicesForm;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Reminders, nudges and participation: {@code pause}, {@code resume}, {@code leave}, {@code
 * continue}, {@code snooze}, {@code support}, {@code remind me} (and its form) and {@code nudge},
 * the admins they remember (who hear help requests and escalations), and the job that fans
 * reminders out.
 */
public final class RemindersFeature implements Feature {

  private final Reminders reminders;
  private final Nudges nudges;
  private final Participation participation;
  private final ReminderJob job;

  /**
   * @param interval how often the reminder job runs
   */
  public RemindersFeature(
      Reminders reminders, Nudges nudges, Participation participation, Duration interval) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    this.nudges = Objects.requireNonNull(nudges, "nudges");
    this.participation = Objects.requireNonNull(participation, "participation");
    this.job = new ReminderJob(participation, reminders, nudges, interval);
  }

  /** The three use cases on {@code db}, with {@code settings}. */
  public static RemindersFeature of(Database db, Clock clock, ReminderSettings settings) {
    return new RemindersFeature(
        new Reminders(db, clock, settings),
        new Nudges(db, clock, settings),
        new Participation(db, clock),
        settings.interval());
  }

  /** The job that sends due reminders and nudges; tests run a firing of it directly. */
  public ReminderJob job() {
    return job;
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(
            ReminderCommands.Pause.class,
            (actor, pause) ->
                participation.pause(actor, pause.until(), pause.days(), pause.target()))
        .command(
            ReminderCommands.Resume.class,
            (actor, resume) -> participation.resume(actor, resume.target()))
        .command(
            ReminderCommands.Leave.class,
            (actor, leave) -> participation.leave(actor, leave.confirmed(), leave.target()))
        .command(
            ReminderCommands.Continue.class,
            (actor, carryOn) -> participation.carryOn(actor, carryOn.target()))
        .command(ReminderCommands.Snooze.class, reminders::snooze)
        .command(
            ReminderCommands.Support.class,
            (actor, support) -> reminders.support(actor, support.target()))
        .command(
            ReminderCommands.Nudge.class, (actor, nudge) -> nudges.nudgeNow(actor, nudge.userId()))
        .command(
            ReminderCommands.ShowReminderChoices.class,
            (actor, show) -> reminders.showChoices(actor))
        .command(
            ReminderCommands.ChooseReminders.class,
            (actor, choose) -> reminders.choose(actor, choose.at(), choose.weekends()))
        .action(
            ReminderChoicesForm.OPEN_ACTION,
            (actor, actionId, value) -> reminders.openChoicesForm(actor))
        .form(
            ReminderChoicesForm.FORM_ID,
            (actor, formId, values) -> reminders.choicesSubmitted(actor, values))
        .onAdminCommand(participation::adminActed)
        .job(job);
  }
}
