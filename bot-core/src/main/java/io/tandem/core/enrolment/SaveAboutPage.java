package io.tandem.core.enrolment;

import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The profile form's first page came back: creates whatever is missing (workspace, member, the
 * default program on first use) and the participant — on the waitlist beyond the pilot cap — with
 * its signals and the welcome DM, then opens the second page. A bad answer writes nothing, and
 * neither does a mentor's first answer whose band could never be matched ({@link
 * MentorBandWarning}).
 */
final class SaveAboutPage {

  private SaveAboutPage() {}

  static Reply save(
      Store store, Actor actor, ProfileForms.FormId form, Map<String, String> values, Instant now) {
    ProfileForms.Result<ProfileForms.About> read = ProfileForms.readAbout(values);
    if (read.problem() != null) {
      return Reply.formError(
          read.problem().inputId(),
          read.problem().message(),
          ProfileForms.about(form.program(), form.role(), values));
    }
    Joining joining = new Joining(store);
    ProfileForms.About about = read.value();
    Optional<Reply> warning = MentorBandWarning.check(joining, actor, form, about, values);
    if (warning.isPresent()) {
      return warning.get();
    }
    Role role = about.role() != null ? about.role() : form.role();
    Workspace workspace = joining.workspace(actor, now);
    Member member = joining.member(workspace, actor, now);
    Optional<Program> program =
        form.program().equals(ProfileForms.DEFAULT_PROGRAM)
            ? Optional.of(joining.defaultProgram(workspace, now))
            : joining.programOf(workspace, form.program());
    if (program.isEmpty() || !Joining.accepting(program.get())) {
      return EnrolmentMessages.noLongerAccepting(form.role());
    }
    Participant participant =
        joining.participants.find(program.get().getId(), member.getId()).orElse(null);
    boolean joining_ = participant == null;
    if (joining_) {
      participant =
          joining.participants.add(
              new Participant(workspace.getId(), program.get().getId(), member.getId(), role, now));
      if (joining.atCap(program.get())) {
        participant.waitlist();
      }
    }
    if (!participant.isProfileComplete() && participant.getRole() != role) {
      // still joining: the person chose the other role after the warning
      participant.switchRole(role);
    }
    participant.describe(
        about.department(), about.band(), about.manager(), about.communication(), about.timeZone());
    if (joining_) {
      welcome(store, joining, actor, workspace, member, program.get(), participant, now);
    }
    joining.signal(participant, member, SignalType.PROFILE_UPDATED, Map.of("page", 1), now);
    Map<String, String> next =
        participant.isProfileComplete() ? ProfileForms.skillValues(participant) : Map.of();
    return EnrolmentMessages.skillsPage(program.get(), participant, next);
  }

  /** A new participant's signals and welcome DM. */
  private static void welcome(
      Store store,
      Joining joining,
      Actor actor,
      Workspace workspace,
      Member member,
      Program program,
      Participant participant,
      Instant now) {
    joining.signal(
        participant,
        member,
        SignalType.PARTICIPANT_JOINED,
        Map.of("role", participant.getRole().label()),
        now);
    if (participant.getStatus() == ParticipantStatus.WAITLISTED) {
      joining.signal(participant, member, SignalType.WAITLISTED, Map.of(), now);
    }
    store.queueOnce(
        new OutboxMessage(
            workspace.getId(),
            "welcome:" + participant.getId(),
            actor.platform(),
            actor.userId(),
            null,
            EnrolmentMessages.welcomePayload(member, program, participant.getRole()),
            now,
            now));
  }
}
