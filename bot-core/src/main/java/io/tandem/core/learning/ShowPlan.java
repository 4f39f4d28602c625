package io.tandem.core.learning;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.Command;
import io.tandem.core.home.StatusView;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code goal list} and {@code task list}: the pair's goals with their tasks and progress. */
final class ShowPlan {

  private final PlanTransactions tx;

  ShowPlan(PlanTransactions tx) {
    this.tx = tx;
  }

  Reply goals(Actor actor, Command.Target target) {
    return tx.paired(
        actor,
        target,
        "goal list",
        ctx -> {
          CheckInSignals.record(ctx, SignalType.GOALS_VIEWED, Map.of(), tx.now());
          return plan(ctx, "Your plan with *" + Markup.text(ctx.partnerName()) + "*.");
        });
  }

  Reply tasks(Actor actor, Command.Target target) {
    return tx.paired(
        actor,
        target,
        "task list",
        ctx -> {
          CheckInSignals.record(ctx, SignalType.TASKS_VIEWED, Map.of(), tx.now());
          return plan(ctx, "Tasks in your plan with *" + Markup.text(ctx.partnerName()) + "*.");
        });
  }

  private static Reply plan(PairContext ctx, String heading) {
    PairPlan plan = new PairPlan(ctx);
    List<Goal> goals = plan.goals();
    if (goals.isEmpty()) {
      return new Reply(
          Reply.Kind.INFO,
          Reply.Visibility.PRIVATE,
          heading + " No goals yet.",
          List.of(),
          List.of(StatusView.command("Add a goal", "goal add", Reply.Button.Style.PRIMARY)),
          null);
    }
    Map<Long, List<GoalTask>> tasks = new LinkedHashMap<>();
    plan.tasks().forEach(t -> tasks.computeIfAbsent(t.getGoalId(), k -> new ArrayList<>()).add(t));
    List<Reply.Field> fields = new ArrayList<>();
    for (Goal g : goals) {
      List<GoalTask> mine = tasks.getOrDefault(g.getId(), List.of());
      fields.add(new Reply.Field(StatusView.goalLine(ctx, g, mine), taskLines(g, mine)));
    }
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        heading,
        fields.subList(0, Math.min(20, fields.size())),
        List.of(StatusView.command("Add a goal", "goal add", null)),
        null);
  }

  private static String taskLines(Goal goal, List<GoalTask> tasks) {
    if (tasks.isEmpty()) {
      return "no tasks yet: `" + Markup.command("task add " + goal.getNumber() + " …") + "`";
    }
    return tasks.stream()
        .map(
            t ->
                (t.isDone() ? "☑ " : "☐ ")
                    + "task "
                    + t.getNumber()
                    + ": "
                    + Markup.text(t.getText()))
        .collect(Collectors.joining("\n"));
  }
}
