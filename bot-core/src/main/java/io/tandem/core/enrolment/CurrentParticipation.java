package io.tandem.core.enrolment;

import io.tandem.core.port.in.Actor;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Store;
import java.util.Comparator;
import java.util.Optional;

/**
 * The program an actor's participant commands apply to: their most recently joined participation
 * that has not been left (active ones first). Only reads; never creates rows for strangers.
 */
public record CurrentParticipation(Member member, Participant participant, Program program) {

  public static Optional<CurrentParticipation> of(Store store, Actor actor) {
    Participants participants = Participants.in(store);
    Programs programs = Programs.in(store);
    return Workspaces.in(store)
        .find(actor.platform(), actor.workspaceId())
        .flatMap(workspace -> Members.in(store).find(workspace.getId(), actor.userId()))
        .flatMap(
            member ->
                participants.ofMember(member.getId()).stream()
                    .filter(p -> p.getStatus() != ParticipantStatus.LEFT)
                    // stable sort keeps "most recently joined first" within each status
                    .sorted(Comparator.comparing(p -> p.getStatus() != ParticipantStatus.ACTIVE))
                    .findFirst()
                    .flatMap(
                        participant ->
                            programs
                                .byId(participant.getProgramId())
                                .map(
                                    program ->
                                        new CurrentParticipation(member, participant, program))));
  }
}
