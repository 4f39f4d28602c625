package io.tandem.core.learning;

import static io.tandem.core.learning.LearningMessages.ratings;
import static io.tandem.core.learning.LearningMessages.reviewForm;
import static io.tandem.core.learning.LearningMessages.value;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.PairResolver;
import io.tandem.core.command.Command;
import io.tandem.core.enrolment.ProfileText;
import io.tandem.core.home.Home;
import io.tandem.core.home.StatusView;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code goal review}: opens a form with the skills rated at enrolment, to rate them now; the form
 * coming back records the new ratings. Works for people without a partner too.
 */
final class ReviewSkills {

  private final PlanTransactions tx;

  ReviewSkills(PlanTransactions tx) {
    this.tx = tx;
  }

  Reply open(Actor actor, Command.Target target) {
    return tx.db().transaction(store -> inParticipation(store, actor, target, this::open));
  }

  /**
   * Runs {@code work} in the participation {@code target} names: ratings belong to a participation,
   * so a mentor with several mentees in one program is not asked which pair.
   */
  private static Reply inParticipation(
      Store store, Actor actor, Command.Target target, Function<PairContext, Reply> work) {
    PairResolver.Resolved resolved =
        PairResolver.resolve(
            store,
            actor,
            target,
            PairResolver.Scope.PROGRAM,
            LearningMessages.notJoined(),
            "goal review");
    return resolved instanceof PairResolver.Found found
        ? work.apply(found.context())
        : ((PairResolver.Answer) resolved).reply();
  }

  private Reply open(PairContext ctx) {
    Map<String, Integer> initial = StatusView.initialRatings(ctx.me().getWantsToLearn());
    if (initial.isEmpty()) {
      return LearningMessages.noSkillsToReview();
    }
    CheckInSignals.record(ctx, SignalType.FORM_OPENED, Map.of("form", "review"), tx.now());
    Map<String, Integer> current = new LinkedHashMap<>(initial);
    Plans.in(ctx.store())
        .ratings(ctx.me().getId())
        .forEach(r -> current.put(r.getSkill(), r.getLevel()));
    return Reply.openForm(
        "How good are you at these now? When you joined you said: " + ratings(initial) + ".",
        reviewForm(PairResolver.formId(LearningMessages.REVIEW_FORM, ctx), ratings(current)));
  }

  Reply submitted(Actor actor, String formId, Map<String, String> values) {
    return tx.db()
        .transaction(
            store ->
                inParticipation(
                    store,
                    actor,
                    PairResolver.formTarget(formId),
                    ctx -> submitted(ctx, formId, values)));
  }

  private Reply submitted(PairContext ctx, String formId, Map<String, String> values) {
    Map<String, Integer> initial = StatusView.initialRatings(ctx.me().getWantsToLearn());
    Map<String, Integer> rated;
    try {
      rated = ProfileText.ratedSkills(value(values, "skills"));
    } catch (ProfileText.Invalid e) {
      return Reply.formError("skills", e.getMessage(), reviewForm(formId, value(values, "skills")));
    }
    Map<String, String> known =
        initial.keySet().stream()
            .collect(Collectors.toMap(k -> k.toLowerCase(Locale.ROOT), Function.identity()));
    List<String> unknown =
        rated.keySet().stream()
            .filter(k -> !known.containsKey(k.toLowerCase(Locale.ROOT)))
            .toList();
    if (rated.isEmpty() || !unknown.isEmpty()) {
      return Reply.formError(
          "skills",
          rated.isEmpty()
              ? "Rate at least one of your skills from 1 to 5."
              : "`"
                  + unknown.get(0)
                  + "` is not a skill you rated when you joined; rate "
                  + String.join(", ", initial.keySet())
                  + ".",
          reviewForm(formId, value(values, "skills")));
    }
    return record(ctx, initial, rated, known);
  }

  private Reply record(
      PairContext ctx,
      Map<String, Integer> initial,
      Map<String, Integer> rated,
      Map<String, String> known) {
    Instant now = tx.now();
    int change = 0;
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Integer> e : rated.entrySet()) {
      String skill = known.get(e.getKey().toLowerCase(Locale.ROOT));
      ctx.store()
          .add(
              new SkillRating(
                  ctx.me().getWorkspaceId(), ctx.me().getId(), skill, e.getValue(), now));
      int before = initial.get(skill);
      change += e.getValue() - before;
      lines.add(skill + " " + before + " → " + e.getValue());
    }
    Signal signal =
        CheckInSignals.record(
            ctx, SignalType.SKILLS_REVIEWED, Map.of("skills", rated.size(), "change", change), now);
    Home.refresh(ctx, signal.getId(), now);
    return Reply.success("Thanks! Since you joined: " + String.join(", ", lines) + ".", List.of());
  }
}
