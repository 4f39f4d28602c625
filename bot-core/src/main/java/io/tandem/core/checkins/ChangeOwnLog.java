package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.home.Home;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code log edit N} (opens one's own log in the form) and {@code log delete N [confirm]} (asks,
 * then removes one's own side; the session goes when no side is left).
 */
final class ChangeOwnLog {

  private final CheckInTransactions tx;

  ChangeOwnLog(CheckInTransactions tx) {
    this.tx = tx;
  }

  Reply edit(Actor actor, Command.EditLog command) {
    return onOwn(
        actor,
        command.target(),
        command.number(),
        "edit",
        (book, session, note) -> OpenLogForm.openEdit(book.ctx(), session, note, tx.now()));
  }

  Reply delete(Actor actor, Command.DeleteLog command) {
    return onOwn(
        actor,
        command.target(),
        command.number(),
        "delete",
        (book, session, note) -> {
          String what = CheckInMessages.numbered(session, book.ctx());
          if (!command.confirmed()) {
            return CheckInMessages.confirmDelete(session, what);
          }
          return delete(book, session, note, what);
        });
  }

  private Reply delete(Logbook book, Session session, SessionNote note, String what) {
    PairContext ctx = book.ctx();
    Instant now = tx.now();
    Store store = ctx.store();
    store.remove(note);
    store.flush();
    List<SessionNote> left = book.sessions().notes(session.getId());
    boolean gone = left.isEmpty();
    if (gone) {
      store.remove(session);
    } else {
      Logbook.summarise(session, left);
    }
    Signal signal =
        CheckInSignals.record(ctx, SignalType.SESSION_DELETED, Map.of("sessionGone", gone), now);
    Home.refresh(ctx, signal.getId(), now);
    return CheckInMessages.deleted(ctx, what, gone);
  }

  private interface Work {
    Reply apply(Logbook book, Session session, SessionNote note);
  }

  private Reply onOwn(Actor actor, Command.Target target, int number, String verb, Work work) {
    return tx.joined(
        actor,
        target,
        "log " + verb + " " + number,
        book -> book.onOwn(number, verb, (s, n) -> work.apply(book, s, n)));
  }
}
