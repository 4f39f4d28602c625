package io.tandem.core.matching;

import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.matching.model.MatchResult;
import io.tandem.core.matching.model.Matcher;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code match preview [program]}: runs the exact matcher over everyone with a complete profile and
 * stores the result as the program's proposal, replacing any earlier one.
 */
public final class PreviewMatch {

  private final Database db;
  private final Clock clock;

  public PreviewMatch(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply preview(Actor actor, String programName) {
    return AdminRights.only(
        db,
        actor,
        programName,
        "status",
        () -> db.transaction(store -> preview(store, actor, programName)));
  }

  private Reply preview(Store store, Actor actor, String programName) {
    Optional<Program> program = ProgramLookup.inChat(store, actor, programName);
    if (program.isEmpty()) {
      return MatchMessages.noProgram(programName);
    }
    MatchPool pool = MatchPool.of(store, program.get());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    MatchResult result =
        Matcher.match(pool.mentors(), pool.mentees(), MatchPool.settings(program.get()), now);
    MatchScope.propose(Pairs.in(store), program.get(), pool, result, now);
    Signals.in(store)
        .record(MatchScope.proposed(program.get(), SignalType.MATCH_PREVIEWED, result, now));
    return MatchMessages.proposal(program.get(), result, "Proposed");
  }
}
