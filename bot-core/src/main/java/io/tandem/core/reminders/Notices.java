package io.tandem.core.reminders;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What participation changes write besides the change: a private notice, a signal. */
final class Notices {

  private Notices() {}

  static Reply notJoined() {
    return Reply.error("You haven't joined a Tandem program yet.", "join mentee");
  }

  /** Queues a private message once per {@code key}, in the caller's transaction. */
  static void tell(
      Store store, long workspaceId, String key, String userId, String text, Instant now) {
    Workspace workspace = Workspaces.in(store).byId(workspaceId).orElseThrow();
    Outbox.queue(
        store,
        workspaceId,
        workspace.getPlatform(),
        key,
        new ChatTarget.DirectMessage(userId),
        Reply.info(text, List.of()),
        now,
        now);
  }

  /** Records a signal about a participant outside any actor's context (jobs, other people). */
  static Signal signal(
      Store store,
      Participant p,
      Long pairId,
      SignalType type,
      Map<String, ?> details,
      Instant now) {
    return CheckInSignals.about(
        store,
        new CheckInSignals.Subject(
            p.getWorkspaceId(), p.getMemberId(), p.getProgramId(), p.getId(), pairId),
        type,
        details,
        now);
  }
}
