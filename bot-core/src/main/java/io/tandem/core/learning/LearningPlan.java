package io.tandem.core.learning;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.Command;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.ProfileText;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.home.Home;
import io.tandem.core.home.StatusView;
import io.tandem.core.kernel.CheckInSignals;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two-way learning plan of a pair: {@code goal add|done|list}, {@code task add|done|list}, and
 * {@code goal review} (re-rating the skills rated at enrolment). Either person in an active pair
 * may add; each goal has an owner, the one who is learning; progress is tasks done ÷ tasks set.
 * Goals and tasks are named by per-pair numbers, so a number that is not in the actor's plan is
 * "not yours". Bad input writes nothing; every change records a signal (numbers, never text) and
 * refreshes both people's App Home, in one transaction.
 */
public final class LearningPlan {

  static final String GOAL_FORM = "goal:add";
  public static final String REVIEW_FORM = "goal:review";

  private final Database db;
  private final Clock clock;

  public LearningPlan(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static boolean handles(String formId) {
    return formId.equals(GOAL_FORM) || formId.equals(REVIEW_FORM);
  }

  public Reply addGoal(Actor actor, Command.AddGoal command) {
    return paired(
        actor,
        "goal add Post one reel a week",
        ctx -> {
          Instant now = now();
          if (command.due() != null && command.due().isBefore(ctx.today(now))) {
            return Reply.error(
                command.due() + " has already passed; give a date from today on.",
                "goal add "
                    + Markup.text(shorten(command.text()))
                    + " by "
                    + ctx.today(now).plusWeeks(4));
          }
          return createGoal(ctx, command.text(), command.due(), command.owner(), now);
        });
  }

  public Reply openGoalForm(Actor actor) {
    return paired(
        actor,
        "goal add Post one reel a week",
        ctx -> {
          CheckInSignals.record(ctx, SignalType.FORM_OPENED, Map.of("form", "goal"), now());
          return Reply.openForm("Set a goal for your pair.", goalForm(ctx, Map.of()));
        });
  }

  public Reply goalDone(Actor actor, Command.GoalDone command) {
    return paired(
        actor,
        "goal done 1",
        ctx -> {
          Optional<Goal> goal = goal(ctx, command.number());
          if (goal.isEmpty()) {
            return notYours(ctx, "goal", command.number(), "goal list");
          }
          if (goal.get().isDone()) {
            return Reply.info("Goal " + command.number() + " is already done. 🎉", List.of());
          }
          Instant now = now();
          goal.get().markDone(now);
          Signal signal =
              CheckInSignals.record(
                  ctx, SignalType.GOAL_DONE, Map.of("number", command.number()), now);
          Home.refresh(ctx, signal.getId(), now);
          return Reply.success(
              "Goal "
                  + command.number()
                  + " is done: "
                  + Markup.text(goal.get().getText())
                  + ". 🎉",
              List.of());
        });
  }

  public Reply listGoals(Actor actor) {
    return paired(
        actor,
        "goal list",
        ctx -> {
          CheckInSignals.record(ctx, SignalType.GOALS_VIEWED, Map.of(), now());
          return planReply(ctx, "Your plan with *" + Markup.text(ctx.partnerName()) + "*.");
        });
  }

  public Reply addTask(Actor actor, Command.AddTask command) {
    return paired(
        actor,
        "task add 1 Film a 15-second reel",
        ctx -> {
          Optional<Goal> goal = goal(ctx, command.goalNumber());
          if (goal.isEmpty()) {
            return notYours(ctx, "goal", command.goalNumber(), "goal list");
          }
          Instant now = now();
          int number = ctx.plans().nextTaskNumber(ctx.pair().getId());
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
          return Reply.success(
              "Task "
                  + number
                  + " added to goal "
                  + command.goalNumber()
                  + ": "
                  + Markup.text(command.text())
                  + ". Mark it with `"
                  + Markup.command("task done " + number)
                  + "`.",
              List.of());
        });
  }

  public Reply taskDone(Actor actor, Command.TaskDone command) {
    return paired(
        actor,
        "task done 1",
        ctx -> {
          Optional<GoalTask> task =
              ctx.plans().tasks(ctx.pair().getId()).stream()
                  .filter(t -> t.getNumber() == command.number())
                  .findFirst();
          if (task.isEmpty()) {
            return notYours(ctx, "task", command.number(), "task list");
          }
          if (task.get().isDone()) {
            return Reply.info("Task " + command.number() + " is already done.", List.of());
          }
          Instant now = now();
          task.get().markDone(ctx.me().getId(), now);
          Goal goal = ctx.store().entityManager().find(Goal.class, task.get().getGoalId());
          Signal signal =
              CheckInSignals.record(
                  ctx,
                  SignalType.TASK_DONE,
                  Map.of("number", command.number(), "goal", goal.getNumber()),
                  now);
          Home.refresh(ctx, signal.getId(), now);
          List<GoalTask> siblings =
              ctx.plans().tasks(ctx.pair().getId()).stream()
                  .filter(t -> t.getGoalId().equals(goal.getId()))
                  .toList();
          return Reply.success(
              "Task " + command.number() + " done: " + Markup.text(task.get().getText()) + ".",
              List.of(
                  new Reply.Field(
                      "Goal " + goal.getNumber(), StatusView.goalLine(ctx, goal, siblings))));
        });
  }

  public Reply listTasks(Actor actor) {
    return paired(
        actor,
        "task list",
        ctx -> {
          CheckInSignals.record(ctx, SignalType.TASKS_VIEWED, Map.of(), now());
          return planReply(
              ctx, "Tasks in your plan with *" + Markup.text(ctx.partnerName()) + "*.");
        });
  }

  /** {@code goal review}: opens a form with the skills rated at enrolment, to rate them now. */
  public Reply review(Actor actor) {
    return db.inTransaction(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined("goal review");
          }
          PairContext ctx = found.get();
          Map<String, Integer> initial = StatusView.initialRatings(ctx.me().getWantsToLearn());
          if (initial.isEmpty()) {
            return Reply.error(
                "You rated no skills to learn when you joined, so there is nothing to re-rate. Add"
                    + " some with `"
                    + Markup.command("profile")
                    + "`.",
                "profile");
          }
          CheckInSignals.record(ctx, SignalType.FORM_OPENED, Map.of("form", "review"), now());
          Map<String, Integer> current = new LinkedHashMap<>(initial);
          ctx.plans()
              .ratings(ctx.me().getId())
              .forEach(r -> current.put(r.getSkill(), r.getLevel()));
          return Reply.openForm(
              "How good are you at these now? When you joined you said: " + ratings(initial) + ".",
              reviewForm(ratings(current)));
        });
  }

  /**
   * A program closed: asks each active participant who rated skills at enrolment, privately, to
   * re-rate them, with a button opening the {@code goal review} form. One outbox message per
   * participant (key {@code review:{programId}:{participantId}}), so closing twice asks once. Runs
   * in the caller's transaction.
   *
   * @return how many people were newly asked
   */
  public static int askForReview(Store store, Program program, Instant now) {
    Workspace workspace = store.workspaceById(program.getWorkspaceId()).orElseThrow();
    int asked = 0;
    for (Participant p : store.participants(program.getId())) {
      if (p.getStatus() != ParticipantStatus.ACTIVE
          || StatusView.initialRatings(p.getWantsToLearn()).isEmpty()) {
        continue;
      }
      Optional<Member> member = store.memberById(p.getMemberId());
      if (member.isEmpty()) {
        continue;
      }
      Reply ask =
          new Reply(
              Reply.Kind.INFO,
              Reply.Visibility.PRIVATE,
              "*"
                  + Markup.text(program.getName())
                  + "* has ended — thank you for taking part! How good are you now at the skills"
                  + " you rated when you joined? It takes a minute, and your report shows the"
                  + " change.",
              List.of(),
              List.of(
                  StatusView.command(
                      "Review my skills", "goal review", Reply.Button.Style.PRIMARY)),
              null);
      if (Outbox.queue(
          store,
          workspace.getId(),
          workspace.getPlatform(),
          "review:" + program.getId() + ":" + p.getId(),
          new ChatTarget.DirectMessage(member.get().getUserId()),
          ask,
          now,
          now)) {
        store.add(
            new Signal(
                workspace.getId(),
                SignalType.REVIEW_REQUESTED,
                member.get().getId(),
                program.getId(),
                p.getId(),
                null,
                now,
                "{}"));
        asked++;
      }
    }
    return asked;
  }

  /**
   * A form Tandem opened was closed without submitting: records {@link SignalType#FORM_ABANDONED}
   * with the form id only (never what was typed). Nothing for people who have not joined.
   */
  public void formClosed(Actor actor, String formId) {
    Objects.requireNonNull(formId, "formId");
    String form = formId.length() > 64 ? formId.substring(0, 64) : formId;
    db.inTransaction(
        em -> {
          PairContext.of(new Store(em), actor)
              .ifPresent(
                  ctx ->
                      CheckInSignals.record(
                          ctx, SignalType.FORM_ABANDONED, Map.of("form", form), now()));
          return null;
        });
  }

  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    if (formId.equals(REVIEW_FORM)) {
      return submitReview(actor, values);
    }
    return db.inTransactionRetryingConflicts(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined("goal add Post one reel a week");
          }
          PairContext ctx = found.get();
          if (!ctx.paired()) {
            return notPaired("goal add Post one reel a week");
          }
          Instant now = now();
          String text = value(values, "text");
          if (text.isEmpty()) {
            return Reply.formError("text", "Say what the goal is.", goalForm(ctx, values));
          }
          if (text.length() > Command.MAX_GOAL_LENGTH) {
            return Reply.formError(
                "text",
                "The goal is "
                    + text.length()
                    + " characters long; keep it to "
                    + Command.MAX_GOAL_LENGTH
                    + ".",
                goalForm(ctx, values));
          }
          LocalDate due = null;
          String byText = value(values, "by");
          if (!byText.isEmpty()) {
            Optional<Command.Day> day = Command.Day.parse(byText);
            if (day.isEmpty()) {
              return Reply.formError(
                  "by",
                  "`" + byText + "` is not a date; use the form 2026-06-30.",
                  goalForm(ctx, values));
            }
            due = day.get().in(ctx.today(now));
            if (due.isBefore(ctx.today(now))) {
              return Reply.formError(
                  "by",
                  due + " has already passed; give a date from today on.",
                  goalForm(ctx, values));
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
                "for", "Say `me` or `partner`: who is learning?", goalForm(ctx, values));
          }
          return createGoal(ctx, text, due, owner, now);
        });
  }

  private Reply submitReview(Actor actor, Map<String, String> values) {
    return db.inTransaction(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined("goal review");
          }
          PairContext ctx = found.get();
          Map<String, Integer> initial = StatusView.initialRatings(ctx.me().getWantsToLearn());
          Map<String, Integer> rated;
          try {
            rated = ProfileText.ratedSkills(value(values, "skills"));
          } catch (ProfileText.Invalid e) {
            return Reply.formError("skills", e.getMessage(), reviewForm(value(values, "skills")));
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
                reviewForm(value(values, "skills")));
          }
          Instant now = now();
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
                  ctx,
                  SignalType.SKILLS_REVIEWED,
                  Map.of("skills", rated.size(), "change", change),
                  now);
          Home.refresh(ctx, signal.getId(), now);
          return Reply.success(
              "Thanks! Since you joined: " + String.join(", ", lines) + ".", List.of());
        });
  }

  // ---- helpers

  private Reply createGoal(
      PairContext ctx, String text, LocalDate due, Command.GoalOwner owner, Instant now) {
    int number = ctx.plans().nextGoalNumber(ctx.pair().getId());
    long ownerId = owner == Command.GoalOwner.PARTNER ? ctx.partner().getId() : ctx.me().getId();
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
    details.put("forPartner", owner == Command.GoalOwner.PARTNER);
    details.put("due", due != null);
    Signal signal = CheckInSignals.record(ctx, SignalType.GOAL_SET, details, now);
    Home.refresh(ctx, signal.getId(), now);
    return Reply.success(
        "Goal "
            + number
            + " set for "
            + (owner == Command.GoalOwner.PARTNER ? Markup.text(ctx.partnerName()) : "you")
            + ": "
            + Markup.text(text)
            + (due == null ? "" : ", by " + due)
            + ". Break it into steps with `"
            + Markup.command("task add " + number + " …")
            + "`.",
        List.of());
  }

  private Reply planReply(PairContext ctx, String heading) {
    List<Goal> goals = ctx.plans().goals(ctx.pair().getId());
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
    ctx.plans()
        .tasks(ctx.pair().getId())
        .forEach(t -> tasks.computeIfAbsent(t.getGoalId(), k -> new ArrayList<>()).add(t));
    List<Reply.Field> fields = new ArrayList<>();
    for (Goal g : goals) {
      List<GoalTask> mine = tasks.getOrDefault(g.getId(), List.of());
      String taskLines =
          mine.isEmpty()
              ? "no tasks yet: `" + Markup.command("task add " + g.getNumber() + " …") + "`"
              : mine.stream()
                  .map(
                      t ->
                          (t.isDone() ? "☑ " : "☐ ")
                              + "task "
                              + t.getNumber()
                              + ": "
                              + Markup.text(t.getText()))
                  .collect(Collectors.joining("\n"));
      fields.add(new Reply.Field(StatusView.goalLine(ctx, g, mine), taskLines));
    }
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        heading,
        fields.subList(0, Math.min(20, fields.size())),
        List.of(StatusView.command("Add a goal", "goal add", null)),
        null);
  }

  private Optional<Goal> goal(PairContext ctx, int number) {
    return ctx.plans().goals(ctx.pair().getId()).stream()
        .filter(g -> g.getNumber() == number)
        .findFirst();
  }

  private static Reply notYours(PairContext ctx, String what, int number, String example) {
    List<Integer> numbers =
        what.equals("goal")
            ? ctx.plans().goals(ctx.pair().getId()).stream().map(Goal::getNumber).toList()
            : ctx.plans().tasks(ctx.pair().getId()).stream().map(GoalTask::getNumber).toList();
    String yours =
        numbers.isEmpty()
            ? "your plan has no " + what + "s yet"
            : "yours are "
                + numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return Reply.error(
        capital(what)
            + " "
            + number
            + " is not in your plan with "
            + Markup.text(ctx.partnerName())
            + "; "
            + yours
            + ".",
        example);
  }

  private Reply paired(Actor actor, String example, Function<PairContext, Reply> work) {
    return db.inTransactionRetryingConflicts(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined(example);
          }
          if (!found.get().paired()) {
            return notPaired(example);
          }
          return work.apply(found.get());
        });
  }

  private static Reply.Form goalForm(PairContext ctx, Map<String, String> values) {
    return new Reply.Form(
        GOAL_FORM,
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

  private static Reply.Form reviewForm(String current) {
    return new Reply.Form(
        REVIEW_FORM,
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

  private static String ratings(Map<String, Integer> ratings) {
    return ratings.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String value(Map<String, String> values, String id) {
    String v = values.get(id);
    return v == null ? "" : v.strip();
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Reply notJoined(String example) {
    return Reply.error("You haven't joined a program yet.", "join mentee");
  }

  private static Reply notPaired(String example) {
    return Reply.error(
        "Goals and tasks belong to a pair, and you don't have a partner yet. You'll plan together"
            + " once you're introduced.",
        "status");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
