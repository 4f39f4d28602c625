package io.tandem.core.learning;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.home.StatusView;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A program closed: asks each active participant who rated skills at enrolment, privately, to
 * re-rate them, with a button opening the {@code goal review} form. One outbox message per
 * participant (key {@code review:{programId}:{participantId}}), so closing twice asks once.
 */
public final class AskForReview {

  private AskForReview() {}

  /** Runs in the caller's transaction; returns how many people were newly asked. */
  public static int ask(Store store, Program program, Instant now) {
    Workspace workspace = Workspaces.in(store).byId(program.getWorkspaceId()).orElseThrow();
    int asked = 0;
    for (Participant p : Participants.in(store).inProgram(program.getId())) {
      if (p.getStatus() != ParticipantStatus.ACTIVE
          || StatusView.initialRatings(p.getWantsToLearn()).isEmpty()) {
        continue;
      }
      Optional<Member> member = Members.in(store).byId(p.getMemberId());
      if (member.isPresent()
          && Outbox.queue(
              store,
              workspace.getId(),
              workspace.getPlatform(),
              "review:" + program.getId() + ":" + p.getId(),
              new ChatTarget.DirectMessage(member.get().getUserId()),
              LearningMessages.reviewRequest(program.getName(), p.getId()),
              now,
              now)) {
        CheckInSignals.about(
            store,
            new CheckInSignals.Subject(
                workspace.getId(), member.get().getId(), program.getId(), p.getId(), null),
            SignalType.REVIEW_REQUESTED,
            Map.of(),
            now);
        asked++;
      }
    }
    return asked;
  }
}
