package io.tandem.core.learning;

import static io.tandem.core.learning.LearningMessages.goalForm;
import static io.tandem.core.learning.LearningMessages.value;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.PairResolver;
import io.tandem.core.command.Command;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The goal form came back: checks each box, then sets the goal as {@code goal add} does. */
final class SubmitGoalForm {

  private final PlanTransactions tx;

  SubmitGoalForm(PlanTransactions tx) {
    this.tx = tx;
  }

  Reply submitted(Actor actor, String formId, Map<String, String> values) {
    return tx.paired(
        actor, PairResolver.formTarget(formId), null, ctx -> submitted(ctx, formId, values));
  }

  private Reply submitted(PairContext ctx, String formId, Map<String, String> values) {
    Instant now = tx.now();
    String text = value(values, "text");
    if (text.isEmpty()) {
      return Reply.formError("text", "Say what the goal is.", goalForm(values, formId));
    }
    if (text.length() > Command.MAX_GOAL_LENGTH) {
      return Reply.formError(
          "text",
          "The goal is "
              + text.length()
              + " characters long; keep it to "
              + Command.MAX_GOAL_LENGTH
              + ".",
          goalForm(values, formId));
    }
    LocalDate due = null;
    String byText = value(values, "by");
    if (!byText.isEmpty()) {
      Optional<Command.Day> day = Command.Day.parse(byText);
      if (day.isEmpty()) {
        return Reply.formError(
            "by",
            "`" + byText + "` is not a date; use the form 2026-06-30.",
            goalForm(values, formId));
      }
      due = day.get().in(ctx.today(now));
      if (due.isBefore(ctx.today(now))) {
        return Reply.formError(
            "by",
            due + " has already passed; give a date from today on.",
            goalForm(values, formId));
      }
    }
    String forText = value(values, "for").toLowerCase(Locale.ROOT);
    Command.GoalOwner owner;
    if (forText.isEmpty() || forText.equals("me")) {
      owner = Command.GoalOwner.ME;
    } else if (forText.equals("partner") || forText.equalsIgnoreCase(ctx.partnerName())) {
      owner = Command.GoalOwner.PARTNER;
    } else {
      return Reply.formError(
          "for", "Say `me` or `partner`: who is learning?", goalForm(values, formId));
    }
    return SetGoal.create(ctx, text, due, owner, now);
  }
}
