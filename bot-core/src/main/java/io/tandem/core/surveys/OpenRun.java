package io.tandem.core.surveys;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyTemplate.Audience;
import io.tandem.core.surveys.SurveyTemplate.Question;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a run of a template in a program: the run, every count (zero), one invitee per person in
 * the audience and their DMs, queued through the outbox for a sensible hour where they are. Used by
 * {@code survey send} and by schedules.
 */
final class OpenRun {

  private final SurveySettings settings;

  OpenRun(SurveySettings settings) {
    this.settings = settings;
  }

  /** The new run; empty when nobody is in the audience. */
  Optional<SurveyRun> open(
      Store store, Program program, SurveyTemplate template, Instant now, Long scheduleId) {
    List<Member> members = audience(store, program, template.audience());
    if (members.isEmpty()) {
      return Optional.empty();
    }
    SurveyRun run =
        SurveyRuns.in(store)
            .add(
                new SurveyRun(
                    program.getWorkspaceId(),
                    program.getId(),
                    template,
                    members.size(),
                    now,
                    scheduleId));
    // Every count exists from the start, in answer order, so the table's own order (SQLite's
    // rowid) never shows which answer came first.
    SurveyAnswers answers = SurveyAnswers.in(store);
    for (int i = 0; i < template.questions().size(); i++) {
      Question q = template.questions().get(i);
      for (int v = q.type().low(); v <= q.type().high(q); v++) {
        answers.addTally(new SurveyTally(run.id(), i, v, 0));
      }
    }
    invite(store, run, program, members, now);
    store.add(
        new Signal(
            program.getWorkspaceId(),
            SignalType.SURVEY_SENT,
            null,
            program.getId(),
            null,
            null,
            now,
            Json.object(
                Map.of("run", run.id(), "template", template.id(), "invited", members.size()))));
    return Optional.of(run);
  }

  private void invite(
      Store store, SurveyRun run, Program program, List<Member> members, Instant now) {
    Workspace workspace = Workspaces.in(store).byId(program.getWorkspaceId()).orElseThrow();
    SurveyInvitees invitees = SurveyInvitees.in(store);
    for (Member member : members) {
      invitees.invite(run.id(), member.getId());
      Outbox.queue(
          store,
          workspace.getId(),
          workspace.getPlatform(),
          "survey:" + run.id() + ":" + member.getId(),
          new ChatTarget.DirectMessage(member.getUserId()),
          SurveyMessages.invitation(run, program, false, settings.anonymityThreshold()),
          SurveyTimes.sensibleTime(now, member.getTimeZone()),
          now);
    }
  }

  private static List<Member> audience(Store store, Program program, Audience audience) {
    return Participants.in(store).inProgram(program.getId()).stream()
        .filter(p -> p.getStatus() == ParticipantStatus.ACTIVE)
        .filter(p -> inAudience(audience, p.getRole()))
        .map(Participant::getMemberId)
        .map(id -> Members.in(store).byId(id).orElseThrow())
        .distinct()
        .toList();
  }

  private static boolean inAudience(Audience audience, Role role) {
    return switch (audience) {
      case ALL -> true;
      case MENTORS -> role == Role.MENTOR;
      case MENTEES -> role == Role.MENTEE;
    };
  }
}
