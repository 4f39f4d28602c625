package io.tandem.core.privacy;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.util.Objects;

/** Routes the {@link PrivacyCommand}s to their use cases; the dispatcher hands them over. */
public final class PrivacyRoutes {

  private final ExportMyData export;
  private final ForgetPerson forget;

  public PrivacyRoutes(ExportMyData export, ForgetPerson forget) {
    this.export = Objects.requireNonNull(export, "export");
    this.forget = Objects.requireNonNull(forget, "forget");
  }

  /** Both use cases on {@code db}. */
  public static PrivacyRoutes of(Database db, Clock clock) {
    return new PrivacyRoutes(new ExportMyData(db, clock), new ForgetPerson(db, clock));
  }

  public Reply route(Actor actor, Command.Privacy command) {
    if (command instanceof PrivacyCommand.MyData) {
      return export.send(actor);
    }
    return forget.forget(actor, (PrivacyCommand.Forget) command);
  }
}
