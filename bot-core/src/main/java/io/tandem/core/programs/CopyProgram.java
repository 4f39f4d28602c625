package io.tandem.core.programs;

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
 * people are not copied: they join the new program themselves.
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
        (store, from) -> copy(store, from, command.name()));
  }

  private Reply copy(Store store, Program from, String name) {
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
}
