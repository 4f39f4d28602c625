package io.tandem.core.learning;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one question a goal's owner is asked when it is done: what changed at work because of it. A
 * button opens a form with one optional sentence, another skips it; the answer is kept with the
 * goal and appears, without names, in the program's final report once enough people answered.
 */
final class GoalOutcome {

  static final String OPEN_ACTION = "goal.outcome.open";
  static final String SKIP_ACTION = "goal.outcome.skip";

  /** The form's id is this prefix and the goal's id. */
  static final String FORM = "goal:outcome:";

  static final int MAX_LENGTH = 300;

  static final String QUESTION = "What changed at work because of it?";

  private final PlanTransactions tx;

  GoalOutcome(PlanTransactions tx) {
    this.tx = tx;
  }

  /**
   * Asks the goal's owner, in the caller's transaction: the actor who owns it reads the question in
   * {@code done}'s buttons; a partner who owns it gets it in a direct message through the outbox.
   */
  static Reply ask(PairContext ctx, Goal goal, Reply done, Instant now) {
    String why =
        " One sentence is enough; it may appear, without your name, in the program's final report.";
    if (goal.getOwnerId().equals(ctx.me().getId())) {
      return new Reply(
          done.kind(),
          done.visibility(),
          done.text() + "\n*" + QUESTION + "*" + why,
          done.fields(),
          buttons(goal),
          null);
    }
    Workspace workspace = Workspaces.in(ctx.store()).byId(ctx.me().getWorkspaceId()).orElseThrow();
    Outbox.queue(
        ctx.store(),
        workspace.getId(),
        workspace.getPlatform(),
        "outcome-ask:" + goal.getId(),
        new ChatTarget.DirectMessage(ctx.partnerMember().getUserId()),
        new Reply(
            Reply.Kind.INFO,
            Reply.Visibility.PRIVATE,
            Markup.mention(ctx.member().getUserId())
                + " marked your goal "
                + goal.getNumber()
                + " done: "
                + Markup.text(goal.getText())
                + ". 🎉\n*"
                + QUESTION
                + "*"
                + why,
            List.of(),
            buttons(goal),
            null),
        now,
        now);
    return done;
  }

  private static List<Reply.Button> buttons(Goal goal) {
    String id = Long.toString(goal.getId());
    return List.of(
        new Reply.Button(OPEN_ACTION, "Tell what changed", id, Reply.Button.Style.PRIMARY),
        new Reply.Button(SKIP_ACTION, "Skip", id, Reply.Button.Style.DEFAULT));
  }

  /** The button {@link #OPEN_ACTION}: the form, filled with an earlier answer if there is one. */
  Reply open(Actor actor, String actionId, String value) {
    return tx.db()
        .transaction(
            store ->
                owned(store, actor, value)
                    .map(
                        goal ->
                            Reply.openForm(
                                "Goal " + goal.getNumber() + ": " + QUESTION,
                                form(goal.getId(), goal.getOutcome())))
                    .orElseGet(GoalOutcome::notYours));
  }

  /** The button {@link #SKIP_ACTION}: nothing is kept. */
  Reply skip(Actor actor, String actionId, String value) {
    return tx.db()
        .transaction(
            store ->
                owned(store, actor, value)
                    .map(goal -> Reply.info("Skipped; nothing was saved. Well done!", List.of()))
                    .orElseGet(GoalOutcome::notYours));
  }

  /** The form came back: an empty answer is a skip, a long one is sent back to be shortened. */
  Reply submitted(Actor actor, String formId, Map<String, String> values) {
    String goalId = formId.substring(FORM.length());
    String text = LearningMessages.value(values, "outcome").replaceAll("\\s+", " ");
    return tx.db()
        .transactionRetryingConflicts(
            store -> {
              Optional<Goal> owned = owned(store, actor, goalId);
              if (owned.isEmpty()) {
                return notYours();
              }
              Goal goal = owned.get();
              if (text.isEmpty()) {
                return Reply.info("Nothing was saved. Well done on the goal!", List.of());
              }
              if (text.length() > MAX_LENGTH) {
                return Reply.formError(
                    "outcome",
                    "That is "
                        + text.length()
                        + " characters long; keep it to "
                        + MAX_LENGTH
                        + ", one sentence.",
                    form(goal.getId(), text));
              }
              goal.recordOutcome(text, tx.now());
              return Reply.success(
                  "Thank you. Kept with goal "
                      + goal.getNumber()
                      + ": “"
                      + Markup.text(text)
                      + "”. Admins see it without your name, and only among several others.",
                  List.of());
            });
  }

  static Reply.Form form(long goalId, String current) {
    return new Reply.Form(
        FORM + goalId,
        "What changed at work",
        "Save",
        List.of(
            new Reply.Input(
                "outcome",
                QUESTION,
                true,
                true,
                current,
                "I now build my team's dashboards myself")));
  }

  /** The done goal the actor owns, named by its id as the button carries it. */
  private static Optional<Goal> owned(Store store, Actor actor, String goalId) {
    long id;
    try {
      id = Long.parseLong(goalId.strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    if (workspace.isEmpty()) {
      return Optional.empty();
    }
    Optional<Member> me = Members.in(store).find(workspace.get().getId(), actor.userId());
    return Plans.in(store)
        .goal(id)
        .filter(Goal::isDone)
        .filter(goal -> goal.getWorkspaceId().equals(workspace.get().getId()))
        .filter(
            goal ->
                Participants.in(store)
                    .byId(goal.getOwnerId())
                    .map(p -> me.isPresent() && p.getMemberId().equals(me.get().getId()))
                    .orElse(false));
  }

  private static Reply notYours() {
    return Reply.error(
        "That question is about a done goal of yours, and this one is not (or no longer) in your"
            + " plan.",
        "goal list");
  }
}
