package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * {@code log} alone (or the "log it" button): opens the check-in form, filled in with the partner's
 * session of that day when there is one, or the actor's own log of it to edit.
 */
final class OpenLogForm {

  private final CheckInTransactions tx;

  OpenLogForm(CheckInTransactions tx) {
    this.tx = tx;
  }

  Reply open(Actor actor, Command.OpenLogForm command) {
    Command.Day day = command.day();
    String on =
        day.date() != null ? " on " + day.date() : day.daysBack() == 1 ? " on yesterday" : "";
    return tx.joined(actor, command.target(), "log" + on, book -> open(book, command));
  }

  private Reply open(Logbook book, Command.OpenLogForm command) {
    PairContext ctx = book.ctx();
    Optional<Reply> refused = CheckInMessages.refusal(ctx, ctx.check(command.partnerUserId()));
    if (refused.isPresent()) {
      return refused.get();
    }
    Instant now = tx.now();
    LocalDate day = command.day().in(ctx.today(now));
    Optional<Reply> badDay = book.refuseDay(day, now);
    if (badDay.isPresent()) {
      return badDay.get();
    }
    Integer minutes = null;
    String topic = null;
    if (ctx.paired()) {
      Optional<Session> same = book.sessions().onDay(ctx.pair().getId(), day.toString());
      if (same.isPresent()) {
        Optional<SessionNote> mine = book.mine(same.get());
        if (mine.isPresent()) {
          return openEdit(ctx, same.get(), mine.get(), now);
        }
        minutes = same.get().getMinutes();
        topic = same.get().getTopic();
      }
    }
    CheckInSignals.record(ctx, SignalType.FORM_OPENED, Map.of("form", "log"), now);
    return CheckInMessages.openNew(
        LogForms.form(
            PairResolver.formId(LogForms.NEW, ctx),
            "Log a session",
            LogForms.blank(day, minutes, topic)));
  }

  /** Opens the actor's own log of a session in the edit form. */
  static Reply openEdit(PairContext ctx, Session session, SessionNote note, Instant now) {
    CheckInSignals.record(ctx, SignalType.FORM_OPENED, Map.of("form", "log edit"), now);
    return CheckInMessages.openEdit(
        session,
        LogForms.form(
            PairResolver.formId(LogForms.EDIT + note.getId(), ctx),
            "Edit your log",
            LogForms.values(note, session.getLocalDate())));
  }
}
