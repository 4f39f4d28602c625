package io.tandem.core.enrolment;

import io.tandem.core.command.Command;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Database;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /tandem join mentor|mentee [program]}: opens the first page of the profile form, filled in
 * when the person started it before. Writes nothing.
 */
public final class OpenJoinForm {

  private final Database db;

  public OpenJoinForm(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public Reply join(Actor actor, Command.Join command) {
    Objects.requireNonNull(command, "command");
    return db.transaction(store -> join(new Joining(store), actor, command));
  }

  private static Reply join(Joining joining, Actor actor, Command.Join command) {
    Optional<Workspace> workspace = joining.workspaces.find(actor.platform(), actor.workspaceId());
    Optional<Program> program;
    if (command.program() != null && !command.program().isBlank()) {
      program =
          workspace.flatMap(w -> joining.programs.named(w.getId(), command.program().strip()));
      if (program.isEmpty()) {
        return EnrolmentMessages.unknownProgram(
            command, workspace.map(w -> joining.programs.inWorkspace(w.getId())).orElse(List.of()));
      }
    } else {
      program = workspace.flatMap(w -> joining.programs.defaultOf(w.getId()));
    }
    if (program.isPresent() && !Joining.accepting(program.get())) {
      return EnrolmentMessages.notAccepting(program.get(), command.role());
    }
    Optional<Participant> already =
        program.flatMap(
            pr ->
                workspace
                    .flatMap(w -> joining.members.find(w.getId(), actor.userId()))
                    .flatMap(m -> joining.participants.find(pr.getId(), m.getId())));
    if (already.isPresent() && already.get().isProfileComplete()) {
      return EnrolmentMessages.alreadyJoined(program.get(), already.get(), command.role());
    }
    String programKey =
        program.map(pr -> pr.getId().toString()).orElse(ProfileForms.DEFAULT_PROGRAM);
    Role role = already.map(Participant::getRole).orElse(command.role());
    Map<String, String> values =
        already
            .map(p -> ProfileForms.aboutValues(p, actor.timeZone()))
            .orElseGet(() -> prefill(actor));
    return EnrolmentMessages.aboutPage(role, programKey, values);
  }

  private static Map<String, String> prefill(Actor actor) {
    return actor.timeZone() == null ? Map.of() : Map.of("timezone", actor.timeZone());
  }
}
