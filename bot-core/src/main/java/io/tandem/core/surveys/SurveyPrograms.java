package io.tandem.core.surveys;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Optional;

/** Which program an admin's survey command is about. */
final class SurveyPrograms {

  private SurveyPrograms() {}

  /**
   * The program called {@code name} in the admin's workspace; without a name, the only open or
   * running program, else the default one.
   */
  static Optional<Program> named(Store store, Actor actor, String name) {
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    if (name == null || name.isBlank()) {
      List<Program> live =
          workspace.map(w -> Programs.in(store).inWorkspace(w.getId())).orElse(List.of()).stream()
              .filter(
                  p ->
                      p.getStatus() == ProgramStatus.OPEN || p.getStatus() == ProgramStatus.RUNNING)
              .toList();
      return live.size() == 1
          ? Optional.of(live.get(0))
          : workspace.flatMap(w -> Programs.in(store).defaultOf(w.getId()));
    }
    return workspace.flatMap(w -> Programs.in(store).named(w.getId(), name.strip()));
  }
}
