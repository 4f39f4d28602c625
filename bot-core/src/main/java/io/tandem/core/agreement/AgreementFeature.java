package io.tandem.core.agreement;

import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * A pair's working agreement, the guide's communication preference and open-mindedness: when a pair
 * is introduced ({@link AgreementSteps#open}), each person privately answers how they meet, how
 * often, and confirms that feedback goes both ways, with an optional note ({@link
 * AnswerAgreement}). The same answers make the agreement; different ones are shown side by side
 * until both pick the same. {@link AgreementJob} tells admins of pairs that have not agreed after a
 * week and asks at mid-program whether the agreement still holds.
 */
public final class AgreementFeature implements Feature {

  /** How to meet: {@code pairId:way}. The introduction's buttons had this id before. */
  public static final String MEET_ACTION = "pair.meet";

  /** How often: {@code pairId:days}. */
  public static final String OFTEN_ACTION = "agreement.often";

  /** "I'll give and take honest feedback": opens the form with the note; {@code pairId}. */
  public static final String CONFIRM_ACTION = "agreement.confirm";

  /** One side of a difference: {@code pairId:term:value}. */
  public static final String SETTLE_ACTION = "agreement.settle";

  /** At mid-program, "Yes, it holds": {@code pairId}. */
  public static final String HOLDS_ACTION = "agreement.holds";

  /** At mid-program, "Let's change it": {@code pairId}. */
  public static final String CHANGE_ACTION = "agreement.change";

  /** The confirm form's id is this and the pair's id. */
  public static final String FORM_PREFIX = "agreement.note:";

  /** The form's one input. */
  public static final String NOTE = "note";

  private final AnswerAgreement answer;
  private final AgreementJob job;

  public AgreementFeature(Database db, Clock clock) {
    this.answer = new AnswerAgreement(db, clock);
    this.job = new AgreementJob(db);
  }

  @Override
  public void register(Routes routes) {
    routes
        .action(MEET_ACTION, (actor, id, value) -> answer.meet(actor, value))
        .action(OFTEN_ACTION, (actor, id, value) -> answer.often(actor, value))
        .action(CONFIRM_ACTION, (actor, id, value) -> answer.openConfirm(actor, value))
        .action(SETTLE_ACTION, (actor, id, value) -> answer.settle(actor, value))
        .action(HOLDS_ACTION, (actor, id, value) -> answer.holds(actor, value))
        .action(CHANGE_ACTION, (actor, id, value) -> answer.change(actor, value))
        .forms(
            FORM_PREFIX,
            id -> id.substring(FORM_PREFIX.length()).matches("\\d{1,18}"),
            answer::confirmed)
        .job(job);
  }
}
