package io.tandem.core.learning;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * The two-way learning plan of a pair: {@code goal add|done|list} ({@link SetGoal}, {@link
 * SubmitGoalForm}, {@link CompleteGoal}, {@link ShowPlan}), {@code task add|done|list} ({@link
 * AddTask}, {@link CompleteTask}), and {@code goal review} ({@link ReviewSkills}: re-rating the
 * skills rated at enrolment, which {@link AskForReview} asks for when a program closes); and forms
 * closed unsent, a signal that someone gave up on one ({@link RecordAbandonedForm}); and, when a
 * goal is done, its owner's answer to what changed at work because of it ({@link GoalOutcome}).
 *
 * <p>Either person in an active pair may add; each goal has an owner, the one who is learning;
 * progress is tasks done ÷ tasks set. Goals and tasks are named by per-pair numbers, so a number
 * that is not in the actor's plan is "not yours". Bad input writes nothing; every change records a
 * signal (numbers, never text) and refreshes both people's App Home, in one transaction.
 */
public final class LearningFeature implements Feature {

  /** The form of {@code goal add} without a goal. */
  public static final String GOAL_FORM = LearningMessages.GOAL_FORM;

  /** The form of {@code goal review}. */
  public static final String REVIEW_FORM = LearningMessages.REVIEW_FORM;

  /** The button that opens the form asking what changed at work because of a done goal. */
  public static final String OUTCOME_ACTION = GoalOutcome.OPEN_ACTION;

  /** The button that skips that question. */
  public static final String OUTCOME_SKIP_ACTION = GoalOutcome.SKIP_ACTION;

  private final SetGoal setGoal;
  private final SubmitGoalForm submitGoalForm;
  private final CompleteGoal completeGoal;
  private final AddTask addTask;
  private final CompleteTask completeTask;
  private final ShowPlan showPlan;
  private final ReviewSkills reviewSkills;
  private final RecordAbandonedForm abandonedForm;
  private final GoalOutcome outcome;

  public LearningFeature(Database db, Clock clock) {
    PlanTransactions tx = new PlanTransactions(db, clock);
    this.setGoal = new SetGoal(tx);
    this.submitGoalForm = new SubmitGoalForm(tx);
    this.completeGoal = new CompleteGoal(tx);
    this.addTask = new AddTask(tx);
    this.completeTask = new CompleteTask(tx);
    this.showPlan = new ShowPlan(tx);
    this.reviewSkills = new ReviewSkills(tx);
    this.abandonedForm = new RecordAbandonedForm(tx);
    this.outcome = new GoalOutcome(tx);
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.AddGoal.class, setGoal::add)
        .command(
            Command.OpenGoalForm.class, (actor, open) -> setGoal.openForm(actor, open.target()))
        .command(Command.GoalDone.class, completeGoal::done)
        .command(Command.ListGoals.class, (actor, list) -> showPlan.goals(actor, list.target()))
        .command(
            Command.ReviewGoals.class, (actor, review) -> reviewSkills.open(actor, review.target()))
        .command(Command.AddTask.class, addTask::add)
        .command(Command.TaskDone.class, completeTask::done)
        .command(Command.ListTasks.class, (actor, list) -> showPlan.tasks(actor, list.target()))
        .forms(GOAL_FORM, submitGoalForm::submitted)
        .forms(REVIEW_FORM, reviewSkills::submitted)
        .action(OUTCOME_ACTION, outcome::open)
        .action(GoalOutcome.SKIP_ACTION, outcome::skip)
        .forms(GoalOutcome.FORM, outcome::submitted)
        .onFormClosed(abandonedForm::formClosed);
  }
}
