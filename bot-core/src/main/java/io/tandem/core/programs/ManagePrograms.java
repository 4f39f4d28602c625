package io.tandem.core.programs;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Admins' program commands: {@code program create} ({@link CreateProgram}), {@code program
 * open|start|pause|close|show} ({@link ChangeProgram}) and {@code program list} ({@link
 * ListPrograms}).
 */
public final class ManagePrograms {

  private final CreateProgram create;
  private final ChangeProgram change;
  private final ListPrograms list;

  public ManagePrograms(Database db, Clock clock) {
    this.create = new CreateProgram(db, clock);
    this.change = new ChangeProgram(db, clock);
    this.list = new ListPrograms(db);
  }

  public Reply create(Actor actor, Command.CreateProgram command) {
    return create.create(actor, command);
  }

  public Reply change(Actor actor, Command.ChangeProgram command) {
    return change.change(actor, command);
  }

  public Reply list(Actor actor) {
    return list.list(actor);
  }

  /** How a program's status reads in chat, e.g. "open for joining". */
  public static String label(ProgramStatus status) {
    return ProgramMessages.label(status);
  }
}
