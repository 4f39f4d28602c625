package io.tandem.core.surveys;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Map;

/** Reminds a run's non-respondents once, by DM at a sensible hour where they are. */
final class RemindRun {

  private final SurveySettings settings;

  RemindRun(SurveySettings settings) {
    this.settings = settings;
  }

  /**
   * Reminds run {@code runId}'s non-respondents in the caller's transaction, once.
   *
   * @return 1 when reminded now, 0 when already reminded, closed or too late
   */
  int remind(Store store, long runId, Instant now) {
    SurveyRun run = SurveyRuns.in(store).find(runId).orElseThrow();
    if (run.remindedAt() != null || run.closedAt() != null) {
      return 0;
    }
    run.reminded(now);
    if (!now.isBefore(run.closesAt())) {
      return 0; // too late to remind; closing follows
    }
    Program program = Programs.in(store).byId(run.programId()).orElseThrow();
    Workspace workspace = Workspaces.in(store).byId(run.workspaceId()).orElseThrow();
    for (long memberId : SurveyInvitees.in(store).unanswered(runId)) {
      Member member = Members.in(store).byId(memberId).orElseThrow();
      Outbox.queue(
          store,
          workspace.getId(),
          workspace.getPlatform(),
          "survey-remind:" + runId + ":" + memberId,
          new ChatTarget.DirectMessage(member.getUserId()),
          SurveyMessages.invitation(run, program, true, settings.anonymityThreshold()),
          SurveyTimes.sensibleTime(now, member.getTimeZone()),
          now);
      store.add(
          new Signal(
              run.workspaceId(),
              SignalType.SURVEY_REMINDED,
              memberId,
              run.programId(),
              null,
              null,
              now,
              Json.object(Map.of("run", runId))));
    }
    return 1;
  }
}
