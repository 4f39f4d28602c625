package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Admins;
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

/** {@code program create NAME …}: an admin adds a program, as a draft. */
public final class CreateProgram {

  private final Database db;
  private final Clock clock;

  public CreateProgram(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply create(Actor actor, Command.CreateProgram command) {
    return Admins.only(
        actor,
        "program list",
        () -> db.transactionRetryingConflicts(store -> create(store, actor, command)));
  }

  private Reply create(Store store, Actor actor, Command.CreateProgram command) {
    Programs programs = Programs.in(store);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Workspace workspace =
        Workspaces.in(store).findOrAdd(actor.platform(), actor.workspaceId(), now);
    if (programs.named(workspace.getId(), command.name()).isPresent()) {
      return Reply.error(
          "There already is a program called *"
              + Markup.text(command.name())
              + "*; pick another name.",
          "program create " + Markup.text(command.name()) + " 2027");
    }
    Program program =
        programs.add(
            new Program(
                workspace.getId(),
                command.name(),
                command.cadenceDays(),
                ProgramStatus.DRAFT,
                false,
                now));
    program.configure(
        command.durationWeeks(),
        command.pilotCap(),
        String.join(", ", command.skills()),
        command.minSeniorityGap(),
        command.repeatCooldownDays(),
        command.weights());
    Signals.in(store).record(statusSignal(program, SignalType.PROGRAM_CREATED, now));
    return Reply.success(
        "Created *"
            + Markup.text(program.getName())
            + "* as a draft. Open it for people to join with `"
            + Markup.command("program open " + program.getName())
            + "`.",
        ProgramMessages.describe(program));
  }

  /** A program's creation or change of status, for the engagement log. */
  static Signal statusSignal(Program program, SignalType type, Instant now) {
    return Signal.aboutProgram(
        type,
        program.getWorkspaceId(),
        program.getId(),
        Map.of("status", program.getStatus().name()),
        now);
  }
}
