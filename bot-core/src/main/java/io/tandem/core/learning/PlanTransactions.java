package io.tandem.core.learning;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;

/** How learning-plan use cases run: one transaction, only for people with a partner. */
final class PlanTransactions {

  private final Database db;
  private final Clock clock;

  PlanTransactions(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Database db() {
    return db;
  }

  /**
   * Runs {@code work} for the pair {@code target} names (or the actor's only one), retried on
   * conflicts; or says why not, or asks which pair ({@code retry}: the command for its buttons).
   */
  Reply paired(
      Actor actor, Command.Target target, String retry, Function<PairContext, Reply> work) {
    return db.transactionRetryingConflicts(
        store ->
            PairContext.whenPaired(
                store,
                actor,
                target,
                retry,
                LearningMessages.notJoined(),
                LearningMessages.notPaired(),
                work));
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
