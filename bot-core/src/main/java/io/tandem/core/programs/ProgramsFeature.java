package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Admins' {@code program} commands: {@code create} ({@link CreateProgram}), {@code
 * open|start|pause|close|show} ({@link ChangeProgram}) and {@code list} ({@link ListPrograms}).
 */
public final class ProgramsFeature implements Feature {

  private final CreateProgram create;
  private final ChangeProgram change;
  private final ListPrograms list;

  public ProgramsFeature(Database db, Clock clock) {
    this.create = new CreateProgram(db, clock);
    this.change = new ChangeProgram(db, clock);
    this.list = new ListPrograms(db);
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.CreateProgram.class, create::create)
        .command(Command.ChangeProgram.class, change::change)
        .command(Command.ListPrograms.class, (actor, all) -> list.list(actor));
  }
}
