package io.tandem.core.matching;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.model.MatchResult;
import io.tandem.core.matching.model.MatchedPair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the admin's match commands share: which program they mean, and storing a proposal. */
final class MatchScope {

  private MatchScope() {}

  /**
   * The program an admin's match command names; without a name, the only open or running one, else
   * the default program.
   */
  static Optional<Program> program(Store store, Actor actor, String name) {
    Programs programs = Programs.in(store);
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    if (name == null || name.isBlank()) {
      List<Program> all = workspace.map(w -> programs.inWorkspace(w.getId())).orElse(List.of());
      List<Program> live =
          all.stream()
              .filter(
                  p ->
                      p.getStatus() == ProgramStatus.OPEN || p.getStatus() == ProgramStatus.RUNNING)
              .toList();
      return live.size() == 1
          ? Optional.of(live.get(0))
          : workspace.flatMap(w -> programs.defaultOf(w.getId()));
    }
    return workspace.flatMap(w -> programs.named(w.getId(), name.strip()));
  }

  /** Replaces the program's proposal with the matcher's result. */
  static void propose(
      Pairs pairs, Program program, MatchPool pool, MatchResult result, Instant now) {
    pairs.inProgram(program.getId(), Pair.Status.PROPOSED).forEach(pairs::remove);
    for (MatchedPair pair : result.pairs()) {
      pairs.add(
          new Pair(
              program.getWorkspaceId(),
              program.getId(),
              pool.participantByUserId().get(pair.mentor().id()).getId(),
              pool.participantByUserId().get(pair.mentee().id()).getId(),
              Math.round(pair.score() * 1000),
              String.join("\n", pair.reasons()),
              now));
    }
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
