package io.tandem.core.enrolment;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import java.util.Objects;

/**
 * Joining and profiles: {@code join}, {@code profile} and {@code exclude}, the two profile forms,
 * and members leaving the workspace and coming back.
 */
public final class EnrolmentFeature implements Feature {

  private final JoinProgram join;
  private final Membership membership;

  public EnrolmentFeature(JoinProgram join, Membership membership) {
    this.join = Objects.requireNonNull(join, "join");
    this.membership = Objects.requireNonNull(membership, "membership");
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.Join.class, join::join)
        .command(Command.EditProfile.class, join::editProfile)
        .command(Command.Exclude.class, join::exclude)
        .forms(ProfileForms.ABOUT + ":", JoinProgram::handles, join::submitted)
        .forms(ProfileForms.SKILLS + ":", JoinProgram::handles, join::submitted)
        .onMembership(membership);
  }
}
