package io.tandem.core.enrolment;

import io.tandem.core.port.in.Actor;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A program an actor takes part in. {@link #of} is the one their commands default to: their most
 * recently joined participation that has not been left (active ones first); {@link #all} lists
 * every one (see {@code io.tandem.core.checkins.PairResolver} for choosing among them). Only reads;
 * never creates rows for strangers.
 */
public record CurrentParticipation(Member member, Participant participant, Program program) {

  public static Optional<CurrentParticipation> of(Store store, Actor actor) {
    return all(store, actor).stream().findFirst();
  }

  /**
   * Every program the actor is in and has not left: active participations first, then the most
   * recently joined first. Empty for strangers; never creates rows.
   */
  public static List<CurrentParticipation> all(Store store, Actor actor) {
    Optional<Member> found =
        Workspaces.in(store)
            .find(actor.platform(), actor.workspaceId())
            .flatMap(workspace -> Members.in(store).find(workspace.getId(), actor.userId()));
    return found.isEmpty() ? List.of() : all(store, found.get());
  }

  /** As {@link #all(Store, Actor)}, for a member already read. */
  public static List<CurrentParticipation> all(Store store, Member member) {
    Participants participants = Participants.in(store);
    Programs programs = Programs.in(store);
    List<CurrentParticipation> all = new ArrayList<>();
    participants.ofMember(member.getId()).stream()
        .filter(p -> p.getStatus() != ParticipantStatus.LEFT)
        // stable sort keeps "most recently joined first" within each status
        .sorted(Comparator.comparing(p -> p.getStatus() != ParticipantStatus.ACTIVE))
        .forEach(
            participant ->
                programs
                    .byId(participant.getProgramId())
                    .ifPresent(
                        program ->
                            all.add(new CurrentParticipation(member, participant, program))));
    return all;
  }
}
