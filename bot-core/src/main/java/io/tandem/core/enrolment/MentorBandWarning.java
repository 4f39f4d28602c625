package io.tandem.core.enrolment;

import io.tandem.core.kernel.Role;
import io.tandem.core.matching.model.MatchSettings;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import java.util.Map;
import java.util.Optional;

/**
 * In reverse mentoring the junior person mentors: a mentor's band plus the program's seniority gap
 * must leave a band for a mentee. Someone joining as a mentor whose band leaves none could never be
 * matched, so the first page says so before they finish joining and offers both ways on: "6 mentee"
 * switches to the mentee role, "6 mentor" stays a mentor. The answer lives in the band input, as
 * Slack keeps the same form open with an error and Discord's forms hold no more inputs. Reads only:
 * nothing is written.
 */
final class MentorBandWarning {

  private MentorBandWarning() {}

  static Optional<Reply> check(
      Joining joining,
      Actor actor,
      ProfileForms.FormId form,
      ProfileForms.About about,
      Map<String, String> values) {
    // "6 mentee" switches, "6 mentor" stays: either way the person has answered the warning
    if (form.role() != Role.MENTOR || about.role() != null) {
      return Optional.empty();
    }
    Optional<Workspace> workspace = joining.workspaces.find(actor.platform(), actor.workspaceId());
    Optional<Program> program = workspace.flatMap(w -> joining.programOf(w, form.program()));
    boolean stillJoining =
        program
            .flatMap(
                pr ->
                    joining
                        .members
                        .find(workspace.get().getId(), actor.userId())
                        .flatMap(m -> joining.participants.find(pr.getId(), m.getId())))
            .map(p -> !p.isProfileComplete())
            .orElse(true);
    // the default program is created by this very page on first use, with the default gap
    int gap =
        program
            .map(Program::getMinSeniorityGap)
            .orElse(MatchSettings.DEFAULTS.minimumSeniorityGap());
    if (!stillJoining || about.band() + gap <= Profile.MAX_BAND) {
      return Optional.empty();
    }
    return Optional.of(
        Reply.formError(
            "band",
            EnrolmentMessages.mentorBandWarning(about.band(), gap),
            ProfileForms.about(form.program(), form.role(), values)));
  }
}
