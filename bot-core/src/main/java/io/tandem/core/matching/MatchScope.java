package io.tandem.core.matching;

import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.model.MatchResult;
import io.tandem.core.matching.model.MatchedPair;
import io.tandem.core.programs.Program;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the admin's match commands share: storing a proposal and logging it. */
final class MatchScope {

  private MatchScope() {}

  /** Replaces the program's proposal with the matcher's result. */
  static void propose(
      Pairs pairs, Program program, MatchPool pool, MatchResult result, Instant now) {
    pairs.removeProposed(program.getId());
    List<Pair> proposal = new ArrayList<>(result.pairs().size());
    for (MatchedPair pair : result.pairs()) {
      proposal.add(
          new Pair(
              program.getWorkspaceId(),
              program.getId(),
              pool.participantByUserId().get(pair.mentor().id()).getId(),
              pool.participantByUserId().get(pair.mentee().id()).getId(),
              Math.round(pair.score() * 1000),
              String.join("\n", pair.reasons()),
              now));
    }
    pairs.addAll(proposal);
  }

  /** A proposal made or changed, for the engagement log. */
  static Signal proposed(Program program, SignalType type, MatchResult result, Instant now) {
    return Signal.aboutProgram(
        type,
        program.getWorkspaceId(),
        program.getId(),
        Map.of("pairs", result.pairs().size(), "unmatched", result.unmatched().size()),
        now);
  }
}
