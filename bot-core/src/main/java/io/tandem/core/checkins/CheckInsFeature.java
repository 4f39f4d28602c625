package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import java.util.Objects;

/** Check-ins: {@code log} and its list, edit and delete, and the check-in form. */
public final class CheckInsFeature implements Feature {

  private final LogSession logSession;

  public CheckInsFeature(LogSession logSession) {
    this.logSession = Objects.requireNonNull(logSession, "logSession");
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.Log.class, logSession::log)
        .command(Command.OpenLogForm.class, logSession::openForm)
        .command(Command.ListLogs.class, (actor, list) -> logSession.list(actor))
        .command(Command.EditLog.class, logSession::edit)
        .command(Command.DeleteLog.class, logSession::delete)
        .form(LogForms.NEW, logSession::submitted)
        .forms(LogForms.EDIT, logSession::submitted);
  }
}
