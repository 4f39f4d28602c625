package io.tandem.core.learning;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.home.StatusView;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the learning plan says to people, and its two forms. Pure: no storage. */
final class LearningMessages {

  static final String GOAL_FORM = "goal:add";
  static final String REVIEW_FORM = "goal:review";

  private LearningMessages() {}

  static Reply notJoined() {
    return Reply.error("You haven't joined a program yet.", "join mentee");
  }

  static Reply notPaired() {
    return Reply.error(
        "Goals and tasks belong to a pair, and you don't have a partner yet. You'll plan together"
            + " once you're introduced.",
        "status");
  }

  static Reply goalSet(
      PairContext ctx, int number, String text, LocalDate due, boolean forPartner) {
    return Reply.success(
        "Goal "
            + number
            + " set for "
            + (forPartner ? Markup.text(ctx.partnerName()) : "you")
            + ": "
            + Markup.text(text)
            + (due == null ? "" : ", by " + due)
            + ". Break it into steps with `"
            + Markup.command("task add " + number + " …")
            + "`.",
        List.of());
  }

  static Reply taskAdded(int number, int goalNumber, String text) {
    return Reply.success(
        "Task "
            + number
            + " added to goal "
            + goalNumber
            + ": "
            + Markup.text(text)
            + ". Mark it with `"
            + Markup.command("task done " + number)
            + "`.",
        List.of());
  }

  /** A goal or task number that is not in the actor's plan, with the numbers that are. */
  static Reply notYours(PairContext ctx, String what, int number, List<Integer> numbers) {
    String yours =
        numbers.isEmpty()
            ? "your plan has no " + what + "s yet"
            : "yours are "
                + numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return Reply.error(
        Character.toUpperCase(what.charAt(0))
            + what.substring(1)
            + " "
            + number
            + " is not in your plan with "
            + Markup.text(ctx.partnerName())
            + "; "
            + yours
            + ".",
        what.equals("goal") ? "goal list" : "task list");
  }

  static Reply noSkillsToReview() {
    return Reply.error(
        "You rated no skills to learn when you joined, so there is nothing to re-rate. Add"
            + " some with `"
            + Markup.command("profile")
            + "`.",
        "profile");
  }

  static String ratings(Map<String, Integer> ratings) {
    return ratings.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  static Reply.Form goalForm(Map<String, String> values) {
    return goalForm(values, GOAL_FORM);
  }

  /** The goal form under {@code formId} (which may name the pair it is for). */
  static Reply.Form goalForm(Map<String, String> values, String formId) {
    return new Reply.Form(
        formId,
        "Set a goal",
        "Save",
        List.of(
            new Reply.Input(
                "text", "The goal", true, false, values.get("text"), "Post one reel a week"),
            new Reply.Input(
                "by", "By when (optional)", false, true, values.get("by"), "2026-06-30"),
            new Reply.Input(
                "for", "Who is learning: me or partner", false, true, values.get("for"), "me")));
  }

  static Reply.Form reviewForm(String formId, String current) {
    return new Reply.Form(
        formId,
        "Review your skills",
        "Save",
        List.of(
            new Reply.Input(
                "skills",
                "Your skills now, each 1-5",
                true,
                false,
                current,
                "Instagram reels 3, TikTok 2")));
  }

  /**
   * The ask after a program ends: re-rate the skills rated at enrolment. Its button carries the
   * participation, so it reviews that program's ratings for someone in several.
   */
  static Reply reviewRequest(String programName, long participantId) {
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "*"
            + Markup.text(programName)
            + "* has ended — thank you for taking part! How good are you now at the skills"
            + " you rated when you joined? It takes a minute, and your report shows the"
            + " change.",
        List.of(),
        List.of(
            StatusView.command(
                "Review my skills",
                "goal review participation:" + participantId,
                Reply.Button.Style.PRIMARY)),
        null);
  }

  static String value(Map<String, String> values, String id) {
    String v = values.get(id);
    return v == null ? "" : v.strip();
  }
}
