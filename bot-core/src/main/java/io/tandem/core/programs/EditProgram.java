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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code program edit [NAME] cap 40 …}: an admin changes some of a program's settings. Raising the
 * pilot cap admits people from the waitlist in joining order, each told privately in the same
 * transaction ({@link AdmitFromWaitlist}).
 */
public final class EditProgram {

  private final Database db;
  private final Clock clock;

  public EditProgram(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply edit(Actor actor, ProgramControl.EditProgram command) {
    return AdminProgram.run(
        db,
        actor,
        command.program(),
        ProgramControlGrammar.EDIT_EXAMPLE,
        (store, program) -> {
          if (program.getStatus() == ProgramStatus.CLOSED) {
            return Reply.error(
                "*"
                    + Markup.text(program.getName())
                    + "* is closed, so its settings stay as they were.",
                "program copy " + Markup.text(program.getName()) + " as Next round");
          }
          return apply(store, program, command);
        });
  }

  private Reply apply(Store store, Program program, ProgramControl.EditProgram command) {
    Instant now = clock.instant();
    List<String> changed = new ArrayList<>();
    if (command.cadenceDays() != null) {
      program.changeCadence(command.cadenceDays());
      changed.add("cadence");
    }
    program.configure(
        pick(command.durationWeeks(), program.getDurationWeeks(), "duration", changed),
        command.pilotCap() != null ? command.pilotCap() : program.getPilotCap(),
        command.skills() != null ? String.join(", ", command.skills()) : program.getSkills(),
        pick(command.minSeniorityGap(), program.getMinSeniorityGap(), "gap", changed),
        pick(command.repeatCooldownDays(), program.getRepeatCooldownDays(), "cooldown", changed),
        command.weights() != null ? command.weights() : program.getWeights());
    for (String name : List.of("cap", "skills", "weights")) {
      boolean given =
          switch (name) {
            case "cap" -> command.pilotCap() != null;
            case "skills" -> command.skills() != null;
            default -> command.weights() != null;
          };
      if (given) {
        changed.add(name);
      }
    }
    Signals.in(store)
        .record(
            Signal.aboutProgram(
                SignalType.PROGRAM_CHANGED,
                program.getWorkspaceId(),
                program.getId(),
                Map.of("edited", String.join(",", changed)),
                now));
    List<String> admitted = AdmitFromWaitlist.upToCap(store, program, now);
    return Reply.success(
        "Updated *"
            + Markup.text(program.getName())
            + "*: "
            + String.join(", ", changed)
            + "."
            + (admitted.isEmpty()
                ? ""
                : " Admitted from the waitlist, each told privately: "
                    + String.join(", ", admitted.stream().map(Markup::text).toList())
                    + "."),
        ProgramMessages.describe(program));
  }

  private static int pick(Integer given, int current, String name, List<String> changed) {
    if (given == null) {
      return current;
    }
    changed.add(name);
    return given;
  }
}
