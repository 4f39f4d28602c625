package io.tandem.core.learning;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.command.Command;
import io.tandem.core.home.Home;
import io.tandem.core.home.StatusView;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code task done N}: marks the task and shows its goal's progress. */
final class CompleteTask {

  private final PlanTransactions tx;

  CompleteTask(PlanTransactions tx) {
    this.tx = tx;
  }

  Reply done(Actor actor, Command.TaskDone command) {
    return tx.paired(
        actor,
        command.target(),
        "task done " + command.number(),
        ctx -> {
          PairPlan plan = new PairPlan(ctx);
          Optional<GoalTask> task = plan.task(command.number());
          if (task.isEmpty()) {
            return plan.noTask(command.number());
          }
          if (task.get().isDone()) {
            return Reply.info("Task " + command.number() + " is already done.", List.of());
          }
          Instant now = tx.now();
          task.get().markDone(ctx.me().getId(), now);
          Goal goal = plan.plans().goal(task.get().getGoalId()).orElseThrow();
          Signal signal =
              CheckInSignals.record(
                  ctx,
                  SignalType.TASK_DONE,
                  Map.of("number", command.number(), "goal", goal.getNumber()),
                  now);
          Home.refresh(ctx, signal.getId(), now);
          List<GoalTask> siblings =
              plan.tasks().stream().filter(t -> t.getGoalId().equals(goal.getId())).toList();
          return Reply.success(
              "Task " + command.number() + " done: " + Markup.text(task.get().getText()) + ".",
              List.of(
                  new Reply.Field(
                      "Goal " + goal.getNumber(), StatusView.goalLine(ctx, goal, siblings))));
        });
  }
}
