package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Check-ins: {@code log <duration> [topic] [with @partner] [on DATE]} ({@link LogFromCommand}),
 * {@code log} alone and the form it opens ({@link OpenLogForm}, {@link SubmitLogForm}), {@code log
 * list} ({@link ListSessions}), {@code log edit N} and {@code log delete N} ({@link ChangeOwnLog}).
 *
 * <p>A session belongs to the actor's active pair and to one day in the actor's time zone. When
 * both people log the same pair and day it is one session with two perspectives ({@link
 * SessionNote}); the first log asks the partner once, through the outbox ({@code
 * logprompt:{sessionId}:{partnerId}}), to add their side. Someone not yet paired may still log;
 * each of their logs is a session of its own. Days in the future, days before the pair (or the
 * participation) began, and partners who are not the actor's are refused with nothing written.
 * Every change records a signal (never the text, never the note to self) and refreshes the Slack
 * App Home of both people, in the same transaction.
 */
public final class CheckInsFeature implements Feature {

  private final LogFromCommand logFromCommand;
  private final OpenLogForm openLogForm;
  private final SubmitLogForm submitLogForm;
  private final ListSessions listSessions;
  private final ChangeOwnLog changeOwnLog;

  public CheckInsFeature(Database db, Clock clock) {
    CheckInTransactions tx = new CheckInTransactions(db, clock, Sessions::in);
    this.logFromCommand = new LogFromCommand(tx);
    this.openLogForm = new OpenLogForm(tx);
    this.submitLogForm = new SubmitLogForm(tx);
    this.listSessions = new ListSessions(tx);
    this.changeOwnLog = new ChangeOwnLog(tx);
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.Log.class, logFromCommand::log)
        .command(Command.OpenLogForm.class, openLogForm::open)
        .command(Command.ListLogs.class, listSessions::list)
        .command(Command.EditLog.class, changeOwnLog::edit)
        .command(Command.DeleteLog.class, changeOwnLog::delete)
        .forms(LogForms.NEW, submitLogForm::submitted)
        .forms(LogForms.EDIT, submitLogForm::submitted);
  }
}
