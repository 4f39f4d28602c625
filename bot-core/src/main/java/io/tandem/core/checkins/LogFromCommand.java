package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@code log <duration> [topic] [with @partner] [on DATE]}: logs a session in one go. */
final class LogFromCommand {

  private final CheckInTransactions tx;

  LogFromCommand(CheckInTransactions tx) {
    this.tx = tx;
  }

  Reply log(Actor actor, Command.Log command) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(command, "command");
    // both people logging the same meeting at once: the loser retries and joins the winner's
    return tx.joinedRetryingConflicts(
        actor,
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
}
