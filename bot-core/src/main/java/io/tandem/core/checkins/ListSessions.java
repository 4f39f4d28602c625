package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code log list}: the pair's sessions (or one's own), newest first, and who logged each. */
final class ListSessions {

  /** Sessions {@code log list} shows. */
  static final int LISTED = 15;

  private final CheckInTransactions tx;

  ListSessions(CheckInTransactions tx) {
    this.tx = tx;
  }

  Reply list(Actor actor, Command.ListLogs command) {
    return tx.joined(actor, command.target(), "log list", this::list);
  }

  private Reply list(Logbook book) {
    PairContext ctx = book.ctx();
    List<Session> all = book.all();
    CheckInSignals.record(ctx, SignalType.LOGS_VIEWED, Map.of("sessions", all.size()), tx.now());
    if (all.isEmpty()) {
      return CheckInMessages.noSessions();
    }
    List<Session> shown = all.subList(0, Math.min(LISTED, all.size()));
    // the notes of the sessions shown only: every entity read is compared again at commit
    Map<Long, List<SessionNote>> notes = book.notesBySession(shown);
    List<Reply.Field> fields = new ArrayList<>();
    for (Session s : shown) {
      List<SessionNote> sides = notes.getOrDefault(s.getId(), List.of());
      boolean mine = sides.stream().anyMatch(n -> n.getParticipantId().equals(ctx.me().getId()));
      boolean theirs = sides.stream().anyMatch(n -> !n.getParticipantId().equals(ctx.me().getId()));
      fields.add(
          new Reply.Field(
              CheckInMessages.numbered(s, ctx), CheckInMessages.loggedBy(ctx, s, mine, theirs)));
    }
    return Reply.info(CheckInMessages.listHeading(ctx, shown.size(), all.size()), fields);
  }
}
