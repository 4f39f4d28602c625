package io.tandem.core.enrolment;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Enrolment: {@code /tandem join mentor|mentee [program]} opens the two-page profile form ({@link
 * OpenJoinForm}), and the form's submissions store the participant ({@link SubmitProfilePage}).
 * {@code /tandem profile} reopens it to edit ({@link EditProfile}), {@code /tandem exclude @person}
 * records a private exclusion ({@link ExcludePerson}), and members leaving the workspace and coming
 * back pause and resume them ({@link Membership}).
 *
 * <p>{@code join} itself writes nothing. The first page's submission creates whatever is missing
 * (workspace, member, the default program on first use) and the participant — on the waitlist when
 * the program's pilot cap is reached — with a {@link SignalType#PARTICIPANT_JOINED} signal and a
 * welcome DM in the outbox ({@code welcome:{participantId}}), all in one transaction. A page with a
 * bad answer writes nothing and comes back filled in, naming the problem.
 */
public final class EnrolmentFeature implements Feature {

  /** The program every workspace gets on first use. */
  public static final String DEFAULT_PROGRAM_NAME = "Reverse mentoring";

  private final OpenJoinForm open;
  private final SubmitProfilePage submit;
  private final EditProfile edit;
  private final ExcludePerson exclude;
  private final Membership membership;

  public EnrolmentFeature(Database db, Clock clock) {
    this.open = new OpenJoinForm(db);
    this.submit = new SubmitProfilePage(db, clock);
    this.edit = new EditProfile(db);
    this.exclude = new ExcludePerson(db, clock);
    this.membership = new Membership(db, clock);
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.Join.class, open::join)
        .command(Command.EditProfile.class, (actor, profile) -> edit.open(actor))
        .command(Command.Exclude.class, exclude::exclude)
        .forms(ProfileForms.ABOUT + ":", SubmitProfilePage::handles, submit::submitted)
        .forms(ProfileForms.SKILLS + ":", SubmitProfilePage::handles, submit::submitted)
        .onMembership(membership);
  }
}
