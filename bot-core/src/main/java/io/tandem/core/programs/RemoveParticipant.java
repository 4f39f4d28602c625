package io.tandem.core.programs;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.matching.EndPair;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Pairs;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code program remove @person [NAME]}: an admin takes someone out of a program. Their pairs end
 * as {@link EndPair} ends them (each partner told kindly, back in the pool), they are told
 * privately, and the place they held goes to the first on the waitlist.
 */
public final class RemoveParticipant {

  private final Database db;
  private final Clock clock;

  public RemoveParticipant(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply remove(Actor actor, ProgramControl.RemoveParticipant command) {
    return AdminProgram.run(
        db,
        actor,
        command.program(),
        ProgramControlGrammar.REMOVE_EXAMPLE,
        (store, program) -> remove(store, actor, program, command.userId()));
  }

  private Reply remove(Store store, Actor actor, Program program, String userId) {
    Members members = Members.in(store);
    Optional<Member> member = members.find(program.getWorkspaceId(), userId);
    Optional<Participant> found =
        member
            .flatMap(m -> Participants.in(store).find(program.getId(), m.getId()))
            .filter(p -> p.getStatus() != ParticipantStatus.LEFT);
    if (found.isEmpty()) {
      return Reply.error(
          Markup.mention(userId) + " is not in *" + Markup.text(program.getName()) + "*.",
          "program people " + Markup.text(program.getName()));
    }
    Participant removed = found.get();
    Instant now = clock.instant();
    Long adminId =
        members.find(program.getWorkspaceId(), actor.userId()).map(Member::getId).orElse(null);
    int ended = 0;
    for (Pair pair : Pairs.in(store).inProgram(program.getId(), Pair.Status.ACTIVE)) {
      if (pair.getMentorId().equals(removed.getId())
          || pair.getMenteeId().equals(removed.getId())) {
        EndPair.end(store, pair, new EndPair.Ending(adminId, "admin", "removed"), removed, now);
        ended++;
      }
    }
    boolean heldPlace = removed.getStatus() != ParticipantStatus.WAITLISTED;
    removed.leave();
    Signals.in(store)
        .record(removed.signal(SignalType.PARTICIPANT_LEFT, adminId, Map.of("by", "admin"), now));
    Workspace workspace = Workspaces.in(store).byId(program.getWorkspaceId()).orElseThrow();
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "removed:" + removed.getId(),
        new ChatTarget.DirectMessage(userId),
        Reply.info(
            "The program admins have taken you out of *"
                + Markup.text(program.getName())
                + "*. Thank you for taking part. If you think this is a mistake, reply to them"
                + " directly.",
            List.of()),
        now,
        now);
    List<String> admitted = heldPlace ? AdmitFromWaitlist.upToCap(store, program, now) : List.of();
    return Reply.success(
        "Removed "
            + Markup.text(member.get().getDisplayName())
            + " from *"
            + Markup.text(program.getName())
            + "*"
            + (ended == 0 ? "" : "; their partner was told and goes into the next match round")
            + "."
            + (admitted.isEmpty()
                ? ""
                : " From the waitlist, now in: "
                    + String.join(", ", admitted.stream().map(Markup::text).toList())
                    + "."),
        List.of());
  }
}
