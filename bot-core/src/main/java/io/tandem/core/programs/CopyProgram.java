package io.tandem.core.programs;

import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * {@code program copy FROM as NEW_NAME}: "start small" — a pilot's settings (cadence, length, cap,
 * skills, matching rules and weights, reminders and nudges) carried into a new draft program. Its
 * people are not copied: they join the new program themselves. Workspace admins and the admins of
 * FROM may copy it; a program admin who copies becomes an admin of the copy too (recorded as
 * granted by themselves), so the lead who ran the pilot runs the rollout.
 */
public final class CopyProgram {

  private final Database db;
  private final Clock clock;

  public CopyProgram(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply copy(Actor actor, ProgramControl.CopyProgram command) {
    return AdminProgram.run(
        db,
        actor,
        command.from(),
        ProgramControlGrammar.COPY_EXAMPLE,
        (store, from) -> copy(store, actor, from, command.name()));
  }

  private Reply copy(Store store, Actor actor, Program from, String name) {
    Programs programs = Programs.in(store);
    if (programs.named(from.getWorkspaceId(), name).isPresent()) {
      return Reply.error(
          "There already is a program called *" + Markup.text(name) + "*; pick another name.",
          "program copy " + Markup.text(from.getName()) + " as " + Markup.text(name) + " 2");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Program copy =
        programs.add(
            new Program(
                from.getWorkspaceId(),
                name,
                from.getCadenceDays(),
                ProgramStatus.DRAFT,
                false,
                now));
    copy.configure(
        from.getDurationWeeks(),
        from.getPilotCap(),
        from.getSkills(),
        from.getMinSeniorityGap(),
        from.getRepeatCooldownDays(),
        from.getWeights());
    copy.configureReminders(
        from.getReminderHour(),
        from.isReminderWeekends(),
        from.getNudgeDays(),
        from.getSecondNudgeDays(),
        from.getEscalateDays(),
        from.getAtRiskRounds());
    Signals.in(store)
        .record(
            Signal.aboutProgram(
                SignalType.PROGRAM_CREATED,
                copy.getWorkspaceId(),
                copy.getId(),
                Map.of("status", copy.getStatus().name(), "copiedFrom", from.getId()),
                now));
    if (!actor.admin()) {
      grantCopy(store, actor, from, copy, now);
    }
    return Reply.success(
        "Created *"
            + Markup.text(copy.getName())
            + "* as a draft with the settings of *"
            + Markup.text(from.getName())
            + "*. Change what differs with `"
            + Markup.command("program edit " + copy.getName() + " cap 200")
            + "`, then open it with `"
            + Markup.command("program open " + copy.getName())
            + "`.",
        ProgramMessages.describe(copy));
  }

  /** The program admin who copied a pilot runs the copy too; recorded as granted by themselves. */
  private static void grantCopy(Store store, Actor actor, Program from, Program copy, Instant now) {
    ProgramAdmins.in(store)
        .add(
            new ProgramAdmin(
                copy.getWorkspaceId(), copy.getId(), actor.userId(), actor.userId(), now));
    Signals.in(store)
        .record(
            Signal.aboutProgram(
                SignalType.PROGRAM_ADMIN_ADDED,
                copy.getWorkspaceId(),
                copy.getId(),
                Map.of(
                    "admin", MentionedUsers.plainMention(actor.userId()),
                    "by", MentionedUsers.plainMention(actor.userId()),
                    "copiedFrom", from.getId()),
                now));
  }
}
