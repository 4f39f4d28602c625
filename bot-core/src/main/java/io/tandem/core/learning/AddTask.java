package io.tandem.core.learning;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.command.Command;
import io.tandem.core.home.Home;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** {@code task add GOAL TEXT}: a step towards one of the pair's goals. */
final class AddTask {

  private final PlanTransactions tx;

  AddTask(PlanTransactions tx) {
    this.tx = tx;
  }

  Reply add(Actor actor, Command.AddTask command) {
    return tx.paired(
        actor,
        command.target(),
        "task add " + command.goalNumber() + " " + command.text(),
        ctx -> {
          PairPlan plan = new PairPlan(ctx);
          Optional<Goal> goal = plan.goal(command.goalNumber());
          if (goal.isEmpty()) {
            return plan.noGoal(command.goalNumber());
          }
          Instant now = tx.now();
          int number = plan.plans().nextTaskNumber(ctx.pair().getId());
          ctx.store()
              .add(
                  new GoalTask(
                      ctx.me().getWorkspaceId(),
                      ctx.pair().getId(),
                      goal.get().getId(),
                      number,
                      command.text(),
                      ctx.me().getId(),
                      now));
          Signal signal =
              CheckInSignals.record(
                  ctx,
                  SignalType.TASK_SET,
                  Map.of("number", number, "goal", command.goalNumber()),
                  now);
          Home.refresh(ctx, signal.getId(), now);
          return LearningMessages.taskAdded(number, command.goalNumber(), command.text());
        });
  }
}
