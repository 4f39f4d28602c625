package io.tandem.core.enrolment;

import io.tandem.core.command.Command;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Enrolment: {@code /tandem join mentor|mentee [program]} opens the two-page profile form ({@link
 * OpenJoinForm}), and the form's submissions store the participant ({@link SaveAboutPage}, {@link
 * SaveSkillsPage}). {@code /tandem profile} reopens it to edit ({@link EditProfile}), and {@code
 * /tandem exclude @person} records a private exclusion ({@link ExcludePerson}).
 *
 * <p>{@code join} itself writes nothing. The first page's submission creates whatever is missing
 * (workspace, member, the default program on first use) and the participant — on the waitlist when
 * the program's pilot cap is reached — with a {@link SignalType#PARTICIPANT_JOINED} signal and a
 * welcome DM in the outbox ({@code welcome:{participantId}}), all in one transaction. A page with a
 * bad answer writes nothing and comes back filled in, naming the problem.
 */
public final class JoinProgram {

  /** The program every workspace gets on first use. */
  public static final String DEFAULT_PROGRAM_NAME = "Reverse mentoring";

  private final Database db;
  private final Clock clock;
  private final OpenJoinForm open;
  private final EditProfile edit;
  private final ExcludePerson exclude;

  public JoinProgram(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.open = new OpenJoinForm(db);
    this.edit = new EditProfile(db);
    this.exclude = new ExcludePerson(db, clock);
  }

  /** Whether a form id belongs to enrolment. */
  public static boolean handles(String formId) {
    return ProfileForms.FormId.parse(formId).isPresent();
  }

  public Reply join(Actor actor, Command.Join command) {
    return open.join(actor, command);
  }

  public Reply editProfile(Actor actor, Command.EditProfile command) {
    return edit.open(actor);
  }

  /** A page of the profile form came back. */
  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    ProfileForms.FormId form = ProfileForms.FormId.parse(formId).orElseThrow();
    // two first joins in a new workspace race to create it: the loser retries and finds it
    return db.transactionRetryingConflicts(
        store -> {
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          return form.page().equals(ProfileForms.ABOUT)
              ? SaveAboutPage.save(store, actor, form, values, now)
              : SaveSkillsPage.save(store, actor, form, values, now);
        });
  }

  public Reply exclude(Actor actor, Command.Exclude command) {
    return exclude.exclude(actor, command);
  }
}
