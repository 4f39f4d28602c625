package io.tandem.core.learning;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.Command;
import io.tandem.core.kernel.CheckInSignals;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The two-way learning plan of a pair: {@code goal add|done|list}, {@code task add|done|list}, and
 * {@code goal review} (re-rating the skills rated at enrolment); one entry point over the use cases
 * that do each ({@link SetGoal}, {@link SubmitGoalForm}, {@link CompleteGoal}, {@link AddTask},
 * {@link CompleteTask}, {@link ShowPlan}, {@link ReviewSkills}, {@link AskForReview}).
 *
 * <p>Either person in an active pair may add; each goal has an owner, the one who is learning;
 * progress is tasks done ÷ tasks set. Goals and tasks are named by per-pair numbers, so a number
 * that is not in the actor's plan is "not yours". Bad input writes nothing; every change records a
 * signal (numbers, never text) and refreshes both people's App Home, in one transaction.
 */
public final class LearningPlan {

  public static final String GOAL_FORM = LearningMessages.GOAL_FORM;
  public static final String REVIEW_FORM = LearningMessages.REVIEW_FORM;

  private final PlanTransactions tx;
  private final SetGoal setGoal;
  private final SubmitGoalForm submitGoalForm;
  private final CompleteGoal completeGoal;
  private final AddTask addTask;
  private final CompleteTask completeTask;
  private final ShowPlan showPlan;
  private final ReviewSkills reviewSkills;

  public LearningPlan(Database db, Clock clock) {
    this.tx = new PlanTransactions(db, clock);
    this.setGoal = new SetGoal(tx);
    this.submitGoalForm = new SubmitGoalForm(tx);
    this.completeGoal = new CompleteGoal(tx);
    this.addTask = new AddTask(tx);
    this.completeTask = new CompleteTask(tx);
    this.showPlan = new ShowPlan(tx);
    this.reviewSkills = new ReviewSkills(tx);
  }

  public static boolean handles(String formId) {
    return formId.equals(GOAL_FORM) || formId.equals(REVIEW_FORM);
  }

  public Reply addGoal(Actor actor, Command.AddGoal command) {
    return setGoal.add(actor, command);
  }

  public Reply openGoalForm(Actor actor) {
    return setGoal.openForm(actor);
  }

  public Reply goalDone(Actor actor, Command.GoalDone command) {
    return completeGoal.done(actor, command);
  }

  public Reply listGoals(Actor actor) {
    return showPlan.goals(actor);
  }

  public Reply addTask(Actor actor, Command.AddTask command) {
    return addTask.add(actor, command);
  }

  public Reply taskDone(Actor actor, Command.TaskDone command) {
    return completeTask.done(actor, command);
  }

  public Reply listTasks(Actor actor) {
    return showPlan.tasks(actor);
  }

  /** {@code goal review}: opens a form with the skills rated at enrolment, to rate them now. */
  public Reply review(Actor actor) {
    return reviewSkills.open(actor);
  }

  /**
   * A program closed: asks each active participant who rated skills at enrolment to re-rate them
   * ({@link AskForReview}). Runs in the caller's transaction.
   *
   * @return how many people were newly asked
   */
  public static int askForReview(Store store, Program program, Instant now) {
    return AskForReview.ask(store, program, now);
  }

  /**
   * A form Tandem opened was closed without submitting: records {@link SignalType#FORM_ABANDONED}
   * with the form id only (never what was typed). Nothing for people who have not joined.
   */
  public void formClosed(Actor actor, String formId) {
    Objects.requireNonNull(formId, "formId");
    String form = formId.length() > 64 ? formId.substring(0, 64) : formId;
    tx.db()
        .transaction(
            store -> {
              PairContext.of(store, actor)
                  .ifPresent(
                      ctx ->
                          CheckInSignals.record(
                              ctx, SignalType.FORM_ABANDONED, Map.of("form", form), tx.now()));
              return null;
            });
  }

  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    if (formId.equals(REVIEW_FORM)) {
      return reviewSkills.submitted(actor, values);
    }
    return submitGoalForm.submitted(actor, values);
  }
}
