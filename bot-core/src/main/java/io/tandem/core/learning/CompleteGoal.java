package io.tandem.core.learning;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.command.Command;
import io.tandem.core.home.Home;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code goal done N}, which then asks the goal's owner what changed ({@link GoalOutcome}). */
final class CompleteGoal {

  private final PlanTransactions tx;

  CompleteGoal(PlanTransactions tx) {
    this.tx = tx;
  }

  Reply done(Actor actor, Command.GoalDone command) {
    return tx.paired(
        actor,
        command.target(),
        "goal done " + command.number(),
        ctx -> {
          PairPlan plan = new PairPlan(ctx);
          Optional<Goal> goal = plan.goal(command.number());
          if (goal.isEmpty()) {
            return plan.noGoal(command.number());
          }
          if (goal.get().isDone()) {
            return Reply.info("Goal " + command.number() + " is already done. 🎉", List.of());
          }
          Instant now = tx.now();
          goal.get().markDone(now);
          Signal signal =
              CheckInSignals.record(
                  ctx, SignalType.GOAL_DONE, Map.of("number", command.number()), now);
          Home.refresh(ctx, signal.getId(), now);
          return GoalOutcome.ask(
              ctx,
              goal.get(),
              Reply.success(
                  "Goal "
                      + command.number()
                      + " is done: "
                      + Markup.text(goal.get().getText())
                      + ". 🎉",
                  List.of()),
              now);
        });
  }
}
