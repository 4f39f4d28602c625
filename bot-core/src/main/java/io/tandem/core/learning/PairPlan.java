package io.tandem.core.learning;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.port.in.Reply;
import java.util.List;
import java.util.Optional;

/** The actor's pair's plan within one transaction: its goals and tasks by number. */
final class PairPlan {

  private final PairContext ctx;
  private final Plans plans;

  PairPlan(PairContext ctx) {
    this.ctx = ctx;
    this.plans = Plans.in(ctx.store());
  }

  Plans plans() {
    return plans;
  }

  List<Goal> goals() {
    return plans.goals(ctx.pair().getId());
  }

  List<GoalTask> tasks() {
    return plans.tasks(ctx.pair().getId());
  }

  Optional<Goal> goal(int number) {
    return goals().stream().filter(g -> g.getNumber() == number).findFirst();
  }

  Optional<GoalTask> task(int number) {
    return tasks().stream().filter(t -> t.getNumber() == number).findFirst();
  }

  Reply noGoal(int number) {
    return LearningMessages.notYours(
        ctx, "goal", number, goals().stream().map(Goal::getNumber).toList());
  }

  Reply noTask(int number) {
    return LearningMessages.notYours(
        ctx, "task", number, tasks().stream().map(GoalTask::getNumber).toList());
  }
}
