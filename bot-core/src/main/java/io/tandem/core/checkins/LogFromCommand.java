package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@code log <duration> [topic] [with @partner] [on DATE]}: logs a session in one go. */
public final class LogFromCommand {

  private final CheckInTransactions tx;

  public LogFromCommand(Database db, Clock clock) {
    this(new CheckInTransactions(db, clock, Sessions::in));
  }

  LogFromCommand(CheckInTransactions tx) {
    this.tx = tx;
  }

  public Reply log(Actor actor, Command.Log command) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(command, "command");
    // both people logging the same meeting at once: the loser retries and joins the winner's
    return tx.joinedRetryingConflicts(
        actor,
        command.target(),
        retry(command),
        book -> {
          PairContext ctx = book.ctx();
          Optional<Reply> wrongPartner =
              CheckInMessages.refusal(ctx, ctx.check(command.partnerUserId()));
          if (wrongPartner.isPresent()) {
            return wrongPartner.get();
          }
          Instant now = tx.now();
          LogForms.Entry entry =
              new LogForms.Entry(
                  command.day().in(ctx.today(now)),
                  command.minutes(),
                  command.topic(),
                  "",
                  "",
                  null,
                  "");
          return RecordSession.record(book, entry, now, false);
        });
  }

  /** The log again without its target, for the buttons of a choice between pairs. */
  private static String retry(Command.Log command) {
    Command.Day day = command.day();
    String on =
        day.date() != null
            ? " on " + day.date()
            : day.daysBack() == 1 ? " on yesterday" : day.daysBack() == 0 ? "" : null;
    return on == null ? null : "log " + command.minutes() + "m " + command.topic() + on;
  }
}
