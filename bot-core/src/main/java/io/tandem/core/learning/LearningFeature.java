package io.tandem.core.learning;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import java.util.Objects;

/**
 * The learning plan: {@code goal} and {@code task}, the goal and skill review forms, and forms
 * closed unsent (a signal that someone gave up on one).
 */
public final class LearningFeature implements Feature {

  private final LearningPlan plan;

  public LearningFeature(LearningPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.AddGoal.class, plan::addGoal)
        .command(Command.OpenGoalForm.class, (actor, open) -> plan.openGoalForm(actor))
        .command(Command.GoalDone.class, plan::goalDone)
        .command(Command.ListGoals.class, (actor, list) -> plan.listGoals(actor))
        .command(Command.ReviewGoals.class, (actor, review) -> plan.review(actor))
        .command(Command.AddTask.class, plan::addTask)
        .command(Command.TaskDone.class, plan::taskDone)
        .command(Command.ListTasks.class, (actor, list) -> plan.listTasks(actor))
        .form(LearningPlan.GOAL_FORM, plan::submitted)
        .form(LearningPlan.REVIEW_FORM, plan::submitted)
        .onFormClosed(plan::formClosed);
  }
}
