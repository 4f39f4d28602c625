package io.tandem.core.surveys;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a person may answer a run now: the run, the member it was sent to, or the refusal to show
 * them.
 */
record SurveyEligibility(SurveyRun run, Member member, Reply refusal) {

  /**
   * The run's own workspace is used, as long as it is on the person's platform: a click in a
   * Discord DM carries no guild, yet the person is the same member the run was sent to (the invitee
   * check below still decides).
   */
  static SurveyEligibility check(Store store, Actor actor, long runId, Instant now) {
    Optional<SurveyRun> run = SurveyRuns.in(store).find(runId);
    Optional<Workspace> workspace =
        run.flatMap(r -> Workspaces.in(store).byId(r.workspaceId()))
            .filter(w -> w.getPlatform() == actor.platform());
    if (run.isEmpty() || workspace.isEmpty()) {
      return new SurveyEligibility(null, null, SurveyMessages.gone());
    }
    SurveyInvitees invitees = SurveyInvitees.in(store);
    Optional<Member> member =
        Members.in(store)
            .find(workspace.get().getId(), actor.userId())
            .filter(m -> invitees.invited(runId, m.getId()));
    if (member.isEmpty()) {
      return new SurveyEligibility(run.get(), null, SurveyMessages.notSentToYou(run.get()));
    }
    if (run.get().closedAt(now)) {
      return new SurveyEligibility(run.get(), member.get(), SurveyMessages.closed(run.get()));
    }
    return new SurveyEligibility(run.get(), member.get(), null);
  }
}
