package io.tandem.core.matching;

import io.tandem.core.command.Command;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.matching.model.Matcher;
import io.tandem.core.matching.model.Pairing;
import io.tandem.core.matching.model.Rescored;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code match swap @a @b}: swaps two people's partners in the stored proposal, as long as the
 * result still keeps the program's rules.
 */
public final class SwapMatch {

  private final Database db;
  private final Clock clock;

  public SwapMatch(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply swap(Actor actor, Command.SwapMatch command) {
    return AdminRights.only(
        db,
        actor,
        command.program(),
        "status",
        () -> db.transaction(store -> swap(store, actor, command)));
  }

  private Reply swap(Store store, Actor actor, Command.SwapMatch command) {
    Optional<Program> found = ProgramLookup.inChat(store, actor, command.program());
    if (found.isEmpty()) {
      return MatchMessages.noProgram(command.program());
    }
    Program program = found.get();
    Pairs pairs = Pairs.in(store);
    MatchPool pool = MatchPool.of(store, program);
    List<Pairing> current = pool.proposed(pairs, program);
    if (current.isEmpty()) {
      return Reply.error(
          "There is no proposal to adjust yet.", "match preview " + Markup.text(program.getName()));
    }
    List<Pairing> swapped;
    try {
      swapped =
          Matcher.swap(
              current,
              pool.mentors(),
              pool.mentees(),
              command.firstUserId(),
              command.secondUserId());
    } catch (IllegalArgumentException e) {
      return Reply.error(
          "Can't swap those two: " + e.getMessage() + ".", "match swap @mentee1 @mentee2");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Rescored rescored =
        Matcher.rescore(pool.mentors(), pool.mentees(), swapped, MatchPool.settings(program), now);
    if (!rescored.valid()) {
      return Reply.error(
          "That swap breaks the program's rules: " + String.join("; ", rescored.problems()) + ".",
          "match swap @mentee1 @mentee2");
    }
    MatchScope.propose(pairs, program, pool, rescored.result(), now);
    Signals.in(store)
        .record(MatchScope.proposed(program, SignalType.MATCH_SWAPPED, rescored.result(), now));
    return MatchMessages.proposal(program, rescored.result(), "Swapped. Now proposed");
  }
}
