package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import java.util.Objects;

/** Admins' {@code program} commands: create, open, start, pause, close, show and list. */
public final class ProgramsFeature implements Feature {

  private final ManagePrograms programs;

  public ProgramsFeature(ManagePrograms programs) {
    this.programs = Objects.requireNonNull(programs, "programs");
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.CreateProgram.class, programs::create)
        .command(Command.ChangeProgram.class, programs::change)
        .command(Command.ListPrograms.class, (actor, list) -> programs.list(actor));
  }
}
