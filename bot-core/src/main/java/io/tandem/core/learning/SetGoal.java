package io.tandem.core.learning;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.PairResolver;
import io.tandem.core.command.Command;
import io.tandem.core.home.Home;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code goal add TEXT [by DATE] [for me|partner]}, and {@code goal add} alone (the form). */
final class SetGoal {

  private final PlanTransactions tx;

  SetGoal(PlanTransactions tx) {
    this.tx = tx;
  }

  Reply add(Actor actor, Command.AddGoal command) {
    return tx.paired(
        actor,
        command.target(),
        retry(command),
        ctx -> {
          Instant now = tx.now();
          if (command.due() != null && command.due().isBefore(ctx.today(now))) {
            return Reply.error(
                command.due() + " has already passed; give a date from today on.",
                "goal add "
                    + Markup.text(LearningMessages.shorten(command.text()))
                    + " by "
                    + ctx.today(now).plusWeeks(4));
          }
          return create(ctx, command.text(), command.due(), command.owner(), now);
        });
  }

  Reply openForm(Actor actor, Command.Target target) {
    return tx.paired(
        actor,
        target,
        "goal add",
        ctx -> {
          CheckInSignals.record(ctx, SignalType.FORM_OPENED, Map.of("form", "goal"), tx.now());
          return Reply.openForm(
              "Set a goal for your pair.",
              LearningMessages.goalForm(
                  Map.of(), PairResolver.formId(LearningMessages.GOAL_FORM, ctx)));
        });
  }

  /** The command again, for the buttons of the choice between pairs. */
  private static String retry(Command.AddGoal command) {
    return "goal add "
        + command.text()
        + (command.due() == null ? "" : " by " + command.due())
        + (command.owner() == Command.GoalOwner.PARTNER ? " for partner" : "");
  }

  /** Adds the goal to the pair's plan, in the caller's transaction. */
  static Reply create(
      PairContext ctx, String text, LocalDate due, Command.GoalOwner owner, Instant now) {
    int number = Plans.in(ctx.store()).nextGoalNumber(ctx.pair().getId());
    boolean forPartner = owner == Command.GoalOwner.PARTNER;
    long ownerId = forPartner ? ctx.partner().getId() : ctx.me().getId();
    ctx.store()
        .add(
            new Goal(
                ctx.me().getWorkspaceId(),
                ctx.me().getProgramId(),
                ctx.pair().getId(),
                number,
                ownerId,
                ctx.me().getId(),
                text,
                due == null ? null : due.toString(),
                now));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("number", number);
    details.put("forPartner", forPartner);
    details.put("due", due != null);
    Signal signal = CheckInSignals.record(ctx, SignalType.GOAL_SET, details, now);
    Home.refresh(ctx, signal.getId(), now);
    return LearningMessages.goalSet(ctx, number, text, due, forPartner);
  }
}
