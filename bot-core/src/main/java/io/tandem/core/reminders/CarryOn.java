package io.tandem.core.reminders;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.Command;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code continue}: the at-risk pair carries on; the cadence starts over today. */
final class CarryOn {

  private final Database db;
  private final Clock clock;

  CarryOn(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  Reply carryOn(Actor actor, Command.Target target) {
    Reply notPaired = ReminderMessages.notPaired();
    return db.transaction(
        store ->
            PairContext.whenPaired(
                store,
                actor,
                target,
                "continue",
                notPaired,
                notPaired,
                ctx -> {
                  Instant now = clock.instant();
                  ctx.pair().restart(now);
                  CheckInSignals.record(ctx, SignalType.PAIR_CONTINUED, Map.of(), now);
                  return Reply.success(
                      "Great — a fresh start for you and "
                          + Markup.text(ctx.partnerName())
                          + ". Tandem will remind you both in "
                          + ctx.program().getCadenceDays()
                          + " days.",
                      List.of());
                }));
  }
}
