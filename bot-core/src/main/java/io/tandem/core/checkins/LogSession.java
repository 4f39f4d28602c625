package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Check-ins: {@code log <duration> [topic] [with @partner] [on DATE]}, {@code log} alone (the
 * form), {@code log list}, {@code log edit N} and {@code log delete N}; one entry point over the
 * use cases that do each ({@link LogFromCommand}, {@link OpenLogForm}, {@link SubmitLogForm},
 * {@link ListSessions}, {@link ChangeOwnLog}).
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
public final class LogSession {

  private final LogFromCommand logFromCommand;
  private final OpenLogForm openLogForm;
  private final SubmitLogForm submitLogForm;
  private final ListSessions listSessions;
  private final ChangeOwnLog changeOwnLog;

  public LogSession(Database db, Clock clock) {
    this(db, clock, Sessions::in);
  }

  /** With the sessions each transaction reads and writes through (tests pass a failing one). */
  LogSession(Database db, Clock clock, Function<Store, Sessions> sessions) {
    CheckInTransactions tx = new CheckInTransactions(db, clock, sessions);
    this.logFromCommand = new LogFromCommand(tx);
    this.openLogForm = new OpenLogForm(tx);
    this.submitLogForm = new SubmitLogForm(tx);
    this.listSessions = new ListSessions(tx);
    this.changeOwnLog = new ChangeOwnLog(tx);
  }

  /** Whether a form id belongs to check-ins. */
  public static boolean handles(String formId) {
    return LogForms.handles(formId);
  }

  public Reply log(Actor actor, Command.Log command) {
    return logFromCommand.log(actor, command);
  }

  public Reply openForm(Actor actor, Command.OpenLogForm command) {
    return openLogForm.open(actor, command);
  }

  /** A check-in form came back: a new log, or an edit of one's own. */
  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    return submitLogForm.submitted(actor, formId, values);
  }

  public Reply list(Actor actor) {
    return listSessions.list(actor);
  }

  public Reply edit(Actor actor, Command.EditLog command) {
    return changeOwnLog.edit(actor, command);
  }

  public Reply delete(Actor actor, Command.DeleteLog command) {
    return changeOwnLog.delete(actor, command);
  }
}
