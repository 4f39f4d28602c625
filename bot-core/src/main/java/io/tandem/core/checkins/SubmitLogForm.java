package io.tandem.core.checkins;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A check-in form came back: a new log, or an edit of one's own. */
final class SubmitLogForm {

  private final CheckInTransactions tx;

  SubmitLogForm(CheckInTransactions tx) {
    this.tx = tx;
  }

  Reply submitted(Actor actor, String formId, Map<String, String> values) {
    return tx.joinedRetryingConflicts(
        actor,
        PairResolver.formTarget(formId),
        null,
        book -> submitted(book, PairResolver.formBase(formId), formId, values));
  }

  private Reply submitted(Logbook book, String base, String formId, Map<String, String> values) {
    Instant now = tx.now();
    LogForms.Result read = LogForms.read(values, book.ctx().today(now));
    String title = base.equals(LogForms.NEW) ? "Log a session" : "Edit your log";
    if (read.problem() != null) {
      return Reply.formError(
          read.problem().inputId(), read.problem().message(), LogForms.form(formId, title, values));
    }
    Optional<Reply> badDay = book.refuseDay(read.entry().date(), now);
    if (badDay.isPresent()) {
      return Reply.formError(
          "when", firstLine(badDay.get().text()), LogForms.form(formId, title, values));
    }
    Optional<Long> noteId = LogForms.editedNote(base);
    if (noteId.isEmpty()) {
      return RecordSession.record(book, read.entry(), now, true);
    }
    return new EditFromForm(book, now, formId, values).edit(noteId.get(), read.entry());
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
