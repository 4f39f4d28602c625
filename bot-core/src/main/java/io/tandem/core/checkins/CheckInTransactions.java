package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * How check-in use cases run: one transaction, with the actor's {@link Logbook}, for people who
 * have joined a program (others are told so and nothing is written). Reads come first and do not
 * flush ({@link Database#readsFirst}): a use case that reads its own writes flushes first.
 */
final class CheckInTransactions {

  private final Database db;
  private final Clock clock;
  private final Function<Store, Sessions> sessions;

  CheckInTransactions(Database db, Clock clock, Function<Store, Sessions> sessions) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  /**
   * @param target the pair or program the command names ({@link PairResolver})
   * @param retry the command again without its target, for the buttons of a choice, or {@code null}
   */
  Reply joined(Actor actor, Command.Target target, String retry, Function<Logbook, Reply> work) {
    return db.readsFirst(store -> inStore(store, actor, target, retry, work));
  }

  /** For writes both people may race on: the loser retries and sees the winner's rows. */
  Reply joinedRetryingConflicts(
      Actor actor, Command.Target target, String retry, Function<Logbook, Reply> work) {
    return db.readsFirstRetryingConflicts(store -> inStore(store, actor, target, retry, work));
  }

  private Reply inStore(
      Store store,
      Actor actor,
      Command.Target target,
      String retry,
      Function<Logbook, Reply> work) {
    // check-ins flush before the queries that read their own writes (RecordSession, EditFromForm)
    return PairContext.whenJoined(
        store,
        actor,
        target,
        retry,
        CheckInMessages.notJoined(),
        ctx -> work.apply(new Logbook(ctx, sessions.apply(store))));
  }

  Instant now() {
    return Logbook.now(clock);
  }
}
