package io.tandem.core.surveys;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyTemplate.Audience;
import io.tandem.core.surveys.SurveyTemplate.Question;
import java.time.Instant;
import java.util.ArrayList;
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

  /** The invitees and their DMs: a fixed number of queries however large the audience. */
  private void invite(
      Store store, SurveyRun run, Program program, List<Member> members, Instant now) {
    Workspace workspace = Workspaces.in(store).byId(program.getWorkspaceId()).orElseThrow();
    SurveyInvitees invitees = SurveyInvitees.in(store);
    Reply invitation =
        SurveyMessages.invitation(run, program, false, settings.anonymityThreshold());
    List<Outbox.Queued> messages = new ArrayList<>(members.size());
    for (Member member : members) {
      invitees.invite(run.id(), member.getId());
      messages.add(
          new Outbox.Queued(
              workspace.getId(),
              workspace.getPlatform(),
              "survey:" + run.id() + ":" + member.getId(),
              new ChatTarget.DirectMessage(member.getUserId()),
              invitation,
              SurveyTimes.sensibleTime(now, member.getTimeZone())));
    }
    Outbox.queueAll(store, messages, now);
  }

  private static List<Member> audience(Store store, Program program, Audience audience) {
    List<Role> roles =
        switch (audience) {
          case ALL -> List.of(Role.MENTOR, Role.MENTEE);
          case MENTORS -> List.of(Role.MENTOR);
          case MENTEES -> List.of(Role.MENTEE);
        };
    return SurveyInvitees.in(store).audience(program.getId(), roles).stream().distinct().toList();
  }
}
