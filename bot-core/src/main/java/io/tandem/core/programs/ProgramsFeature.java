package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Admins' {@code program} commands: {@code create} ({@link CreateProgram}), {@code
 * open|start|pause|close|show} ({@link ChangeProgram}), {@code list} ({@link ListPrograms}) and
 * {@code admins add|remove|list} ({@link ManageProgramAdmins}).
 */
public final class ProgramsFeature implements Feature {

  private final CreateProgram create;
  private final ChangeProgram change;
  private final ListPrograms list;
  private final ManageProgramAdmins admins;
  private final Database db;

  public ProgramsFeature(Database db, Clock clock) {
    this.db = db;
    this.create = new CreateProgram(db, clock);
    this.change = new ChangeProgram(db, clock);
    this.list = new ListPrograms(db);
    this.admins = new ManageProgramAdmins(db, clock);
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.CreateProgram.class, create::create)
        .command(Command.ChangeProgram.class, change::change)
        .command(Command.ListPrograms.class, (actor, all) -> list.list(actor))
        .command(ProgramAdminCommand.Add.class, admins::add)
        .command(ProgramAdminCommand.Remove.class, admins::remove)
        .command(ProgramAdminCommand.ListAdmins.class, admins::list)
        .adminHelpFor(
            actor ->
                actor.admin() || db.transaction(store -> AdminRights.isAnyAdmin(store, actor)));
  }
}
