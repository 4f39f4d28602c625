package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * Admins' {@code program} commands: {@code create} ({@link CreateProgram}), {@code
 * open|start|pause|close|show} ({@link ChangeProgram}), {@code list} ({@link ListPrograms}), {@code
 * edit} ({@link EditProgram}), {@code waitlist|people} ({@link ListPeople}) and {@code remove}
 * ({@link RemoveParticipant}), {@code copy} ({@link CopyProgram}), {@code admins add|remove|list}
 * ({@link ManageProgramAdmins}); and the job that ends programs at the end of their length ({@link
 * ProgramEndJob}).
 */
public final class ProgramsFeature implements Feature {

  private final CreateProgram create;
  private final ChangeProgram change;
  private final ListPrograms list;
  private final EditProgram edit;
  private final ListPeople people;
  private final RemoveParticipant remove;
  private final CopyProgram copy;

  private final ManageProgramAdmins admins;
  private final ProgramEndJob endJob;
  private final Database db;

  public ProgramsFeature(Database db, Clock clock) {
    this(db, clock, List.of());
  }

  /**
   * @param closing what other features do when a program closes at the end of its length
   */
  public ProgramsFeature(Database db, Clock clock, List<ClosingStep> closing) {
    this.create = new CreateProgram(db, clock);
    this.change = new ChangeProgram(db, clock);
    this.list = new ListPrograms(db);
    this.edit = new EditProgram(db, clock);
    this.people = new ListPeople(db);
    this.remove = new RemoveParticipant(db, clock);
    this.copy = new CopyProgram(db, clock);
    this.endJob = new ProgramEndJob(db, closing);
    this.admins = new ManageProgramAdmins(db, clock);
    this.db = db;
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.CreateProgram.class, create::create)
        .command(Command.ChangeProgram.class, change::change)
        .command(Command.ListPrograms.class, (actor, all) -> list.list(actor))
        .command(ProgramControl.EditProgram.class, edit::edit)
        .command(ProgramControl.ListPeople.class, people::list)
        .command(ProgramControl.RemoveParticipant.class, remove::remove)
        .command(ProgramControl.CopyProgram.class, copy::copy)
        .command(ProgramAdminCommand.Add.class, admins::add)
        .command(ProgramAdminCommand.Remove.class, admins::remove)
        .command(ProgramAdminCommand.ListAdmins.class, admins::list)
        .job(endJob)
        .adminHelpFor(
            actor ->
                actor.admin() || db.transaction(store -> AdminRights.isAnyAdmin(store, actor)));
  }
}
