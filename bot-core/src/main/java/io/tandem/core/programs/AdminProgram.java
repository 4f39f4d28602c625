package io.tandem.core.programs;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The program an admin's control names, or the only live one; or why there is none. */
public final class AdminProgram {

  private AdminProgram() {}

  /**
   * The prologue of every program control: workspace admins and the program's own admins only
   * ({@link AdminRights}), one transaction, the program found; then {@code work} on it.
   */
  public static Reply run(
      Database db,
      Actor actor,
      String name,
      String example,
      BiFunction<Store, Program, Reply> work) {
    return AdminRights.only(
        db,
        actor,
        name,
        example,
        () ->
            db.transactionRetryingConflicts(
                store -> find(store, actor, name, example, program -> work.apply(store, program))));
  }

  /**
   * Runs {@code work} on the program {@code name} names (or the workspace's only open or running
   * one when {@code name} is {@code null}); answers a private error, writing nothing, otherwise.
   */
  static Reply find(
      Store store, Actor actor, String name, String example, Function<Program, Reply> work) {
    Optional<Program> program = ProgramLookup.inChat(store, actor, name);
    if (program.isPresent()) {
      return work.apply(program.get());
    }
    if (name == null) {
      return Reply.error(
          "Name the program: this workspace has no single open or running one.", example);
    }
    return Reply.error(
        "There is no program called *"
            + Markup.text(name)
            + "* here; `"
            + Markup.command("program list")
            + "` shows them.",
        example);
  }
}
