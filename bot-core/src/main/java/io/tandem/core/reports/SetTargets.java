package io.tandem.core.reports;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code program targets}: a program's admins show and set its targets ({@link TargetCommand}); the
 * answer shows the progress against each, as the report does. Admins only ({@link AdminRights}).
 */
final class SetTargets {

  private final Database db;
  private final Clock clock;
  private final Reports reports;

  SetTargets(Reports reports) {
    this.reports = Objects.requireNonNull(reports, "reports");
    this.db = reports.database();
    this.clock = reports.clock();
  }

  Reply show(Actor actor, TargetCommand.Show command) {
    return inProgram(actor, command, program -> shown(program, "Targets of"));
  }

  Reply set(Actor actor, TargetCommand.Set command) {
    return inProgram(
        actor,
        command,
        program -> {
          db.transactionRetryingConflicts(
              store -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                TargetBook book = TargetBook.in(store);
                ProgramTargets targets =
                    book.find(program.getId())
                        .orElseGet(
                            () -> {
                              ProgramTargets fresh =
                                  new ProgramTargets(
                                      program.getWorkspaceId(), program.getId(), now);
                              book.add(fresh);
                              return fresh;
                            });
                command.settings().forEach(s -> targets.set(s.measure(), s.percent(), now));
                return null;
              });
          return shown(program, "Saved. Targets of");
        });
  }

  private Reply inProgram(Actor actor, TargetCommand command, Function<Program, Reply> work) {
    return AdminRights.only(
        db,
        actor,
        command.program(),
        TargetGrammar.EXAMPLE,
        () -> {
          Optional<Program> program =
              db.transaction(store -> ProgramLookup.inChat(store, actor, command.program()));
          if (program.isEmpty()) {
            return Reply.error(
                command.program() == null
                    ? "Name the program; there is more than one, or none yet."
                    : "There is no program called *" + Markup.text(command.program()) + "* here.",
                TargetGrammar.EXAMPLE);
          }
          return work.apply(program.get());
        });
  }

  private Reply shown(Program program, String heading) {
    List<Outcomes.TargetProgress> targets =
        reports.compute(program.getId(), null).orElseThrow().outcomes().targets();
    String name = "*" + Markup.text(program.getName()) + "*";
    if (targets.isEmpty()) {
      return Reply.info(
          name
              + " has no targets yet. Set them with `"
              + Markup.command(
                  "program targets " + program.getName() + " meet 80% goals 70% retention 100%")
              + "`.",
          List.of());
    }
    return Reply.info(
        heading
            + " "
            + name
            + ", as the report reads them now:\n"
            + targets.stream().map(t -> "• " + Targets.line(t)).collect(Collectors.joining("\n")),
        List.of());
  }
}
