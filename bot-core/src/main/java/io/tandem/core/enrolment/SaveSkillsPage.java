package io.tandem.core.enrolment;

import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The profile form's second page came back: stores the skills, availability and capacity; the first
 * time, the profile is complete and the person is in.
 */
final class SaveSkillsPage {

  private SaveSkillsPage() {}

  static Reply save(
      Store store, Actor actor, ProfileForms.FormId form, Map<String, String> values, Instant now) {
    Joining joining = new Joining(store);
    Optional<Workspace> workspace = joining.workspaces.find(actor.platform(), actor.workspaceId());
    Optional<Program> program = workspace.flatMap(w -> joining.programOf(w, form.program()));
    Optional<Member> member =
        workspace.flatMap(w -> joining.members.find(w.getId(), actor.userId()));
    Optional<Participant> found =
        program.flatMap(
            pr -> member.flatMap(m -> joining.participants.find(pr.getId(), m.getId())));
    if (found.isEmpty()) {
      return Reply.error(
          "Fill in the first page of your profile before this one.", "join " + form.role().label());
    }
    Participant participant = found.get();
    ProfileForms.Result<ProfileForms.Skills> read =
        ProfileForms.readSkills(participant.getRole(), values);
    if (read.problem() != null) {
      return Reply.formError(
          read.problem().inputId(),
          read.problem().message(),
          ProfileForms.skills(form.program(), participant.getRole(), program.get(), values));
    }
    boolean completing = !participant.isProfileComplete();
    ProfileForms.Skills skills = read.value();
    participant.describeSkills(
        skills.canTeach(), skills.wantsToLearn(), skills.availability(), skills.capacity());
    participant.startedWorking(skills.careerStart());
    joining.signal(participant, member.get(), SignalType.PROFILE_UPDATED, Map.of("page", 2), now);
    if (completing) {
      joining.signal(participant, member.get(), SignalType.PROFILE_COMPLETED, Map.of(), now);
    }
    return EnrolmentMessages.profileSaved(program.get(), participant, completing);
  }
}
