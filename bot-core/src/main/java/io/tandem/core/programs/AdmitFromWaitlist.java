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
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves people from a program's waitlist into the places its pilot cap now leaves, in joining
 * order, and tells each privately; all in the caller's transaction.
 */
final class AdmitFromWaitlist {

  private AdmitFromWaitlist() {}

  /** The display names of the people admitted, in joining order; none when the cap is full. */
  static List<String> upToCap(Store store, Program program, Instant now) {
    Participants participants = Participants.in(store);
    Integer cap = program.getPilotCap();
    long holding = participants.count(program.getId(), ParticipantStatus.ACTIVE);
    List<String> admitted = new ArrayList<>();
    Workspace workspace = Workspaces.in(store).byId(program.getWorkspaceId()).orElseThrow();
    for (Participant waiting : participants.inProgram(program.getId())) {
      if (cap != null && holding >= cap) {
        break;
      }
      if (waiting.getStatus() != ParticipantStatus.WAITLISTED) {
        continue;
      }
      waiting.activate();
      holding++;
      Signals.in(store)
          .record(waiting.signal(SignalType.WAITLIST_PROMOTED, null, Map.of("by", "cap"), now));
      Member member = Members.in(store).byId(waiting.getMemberId()).orElseThrow();
      admitted.add(member.getDisplayName());
      Outbox.queue(
          store,
          workspace.getId(),
          workspace.getPlatform(),
          "admitted:" + waiting.getId(),
          new ChatTarget.DirectMessage(member.getUserId()),
          Reply.info(
              "You're in: *"
                  + Markup.text(program.getName())
                  + "* has made room for more people, and your place on the waitlist came up."
                  + " You'll be paired in the next match round.",
              List.of()),
          now,
          now);
    }
    return admitted;
  }
}
