package io.tandem.core.checkins;

import io.tandem.core.home.Home;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The edit form of one's own log came back, in the caller's transaction. A new day moves the note:
 * onto the partner's session of that day, or its session along when it was the only side, or onto a
 * fresh session when the partner's side stays behind.
 */
final class EditFromForm {

  private final Logbook book;
  private final PairContext ctx;
  private final Store store;
  private final Instant now;
  private final String formId;
  private final Map<String, String> values;

  EditFromForm(Logbook book, Instant now, String formId, Map<String, String> values) {
    this.book = book;
    this.ctx = book.ctx();
    this.store = ctx.store();
    this.now = now;
    this.formId = formId;
    this.values = values;
  }

  Reply edit(long noteId, LogForms.Entry entry) {
    Optional<SessionNote> found = book.sessions().noteById(noteId);
    if (found.isEmpty() || !found.get().getParticipantId().equals(ctx.me().getId())) {
      return CheckInMessages.notYoursToEdit();
    }
    SessionNote note = found.get();
    Session session = book.sessions().session(note.getSessionId()).orElseThrow();
    boolean moved = !entry.date().toString().equals(session.getLocalDate());
    if (moved) {
      Optional<Session> target = target(session, entry);
      if (target.isPresent() && book.mine(target.get()).isPresent()) {
        return Reply.formError(
            "when",
            CheckInMessages.alreadyLoggedOn(target.get(), entry.date().toString()),
            LogForms.form(formId, "Edit your log", values));
      }
      session = move(note, session, target, entry);
    }
    Logbook.write(note, entry, now);
    store.flush();
    book.summarise(session);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("minutes", entry.minutes());
    if (moved) {
      details.put("moved", true);
    }
    Signal signal = CheckInSignals.record(ctx, SignalType.SESSION_EDITED, details, now);
    Home.refresh(ctx, signal.getId(), now);
    return CheckInMessages.updated(ctx, session);
  }

  /** The pair's session on the new day, if there is one. */
  private Optional<Session> target(Session session, LogForms.Entry entry) {
    return session.getPairId() == null
        ? Optional.empty()
        : book.sessions().onDay(session.getPairId(), entry.date().toString());
  }

  /** Moves the note to the new day; returns the session it belongs to now. */
  private Session move(
      SessionNote note, Session session, Optional<Session> target, LogForms.Entry entry) {
    List<SessionNote> sides = book.sessions().notes(session.getId());
    if (target.isPresent()) {
      note.moveTo(target.get().getId());
      store.flush();
      if (sides.size() == 1) {
        store.remove(session);
      } else {
        book.summarise(session);
      }
      return target.get();
    }
    if (sides.size() == 1) {
      session.moveTo(entry.date().toString(), book.occurredAt(entry.date(), now));
      return session;
    }
    Session fresh = book.newSession(session.getPairId(), entry, now);
    note.moveTo(fresh.getId());
    store.flush();
    book.summarise(session);
    return fresh;
  }
}
