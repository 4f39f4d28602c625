package io.tandem.core.home;

import io.tandem.core.agreement.AgreementLine;
import io.tandem.core.calendar.Meetings;
import io.tandem.core.checkins.PairActivity;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.Session;
import io.tandem.core.checkins.Sessions;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.ProfileText;
import io.tandem.core.kernel.Durations;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.learning.Goal;
import io.tandem.core.learning.GoalTask;
import io.tandem.core.learning.Plans;
import io.tandem.core.learning.SkillRating;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.reminders.PairPeople;
import io.tandem.core.reminders.ReminderTimes;
import io.tandem.core.reminders.Reminders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code status} and the Slack App Home show: partner, sessions so far and the last one, the
 * next reminder, the plan with progress, skill changes since enrolment, the pair's engagement in
 * plain words, and quick-action buttons. Pure rendering over one transaction's reads; writes
 * nothing.
 */
public final class StatusView {

  static final List<SignalType> PLAN_UPDATES =
      List.of(
          SignalType.SESSION_LOGGED,
          SignalType.SESSION_EDITED,
          SignalType.GOAL_SET,
          SignalType.GOAL_DONE,
          SignalType.TASK_SET,
          SignalType.TASK_DONE,
          SignalType.SKILLS_REVIEWED);

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd 'at' HH:mm", Locale.ENGLISH);

  private StatusView() {}

  static Reply render(PairContext ctx, Instant now, ReminderTimes.QuietHours quiet) {
    String role = ctx.me().getRole().label();
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "You're a *" + role + "* in *" + Markup.text(ctx.program().getName()) + "*.",
        fields(ctx, role, now, quiet),
        buttons(ctx),
        null);
  }

  /**
   * Every pair and program of one person: as {@link #render} for one; for several, one line each,
   * each pair's fields under its own name, and buttons that act on that pair.
   */
  static Reply renderAll(List<PairContext> all, Instant now, ReminderTimes.QuietHours quiet) {
    if (all.size() == 1) {
      return render(all.get(0), now, quiet);
    }
    List<String> lines = new ArrayList<>();
    List<Reply.Field> fields = new ArrayList<>();
    List<Reply.Button> buttons = new ArrayList<>();
    for (PairContext ctx : all) {
      String role = ctx.me().getRole().label();
      String program = Markup.text(ctx.program().getName());
      String title = ctx.paired() ? Markup.text(ctx.partnerName()) + " (" + program + ")" : program;
      lines.add(
          "• *"
              + role
              + "* in *"
              + program
              + "*"
              + (ctx.paired()
                  ? " with *" + Markup.text(ctx.partnerName()) + "*"
                  : ", not paired yet"));
      for (Reply.Field f : fields(ctx, role, now, quiet)) {
        if (!f.label().equals("Role") && !f.label().equals("Program")) {
          fields.add(new Reply.Field(title + ": " + f.label(), f.value()));
        }
      }
      String target =
          ctx.paired() ? " pair:" + ctx.pair().getId() : " participation:" + ctx.me().getId();
      String name = ctx.paired() ? "with " + ctx.partnerName() : "in " + ctx.program().getName();
      buttons.add(command("Log " + name, "log" + target, Reply.Button.Style.PRIMARY));
      if (ctx.paired()) {
        buttons.add(command("Goals " + name, "goal list" + target, null));
      }
    }
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        heading(all) + "\n" + String.join("\n", lines),
        fields,
        buttons,
        null);
  }

  /** "You're in 2 programs with 3 pairings:" */
  private static String heading(List<PairContext> all) {
    long programs = all.stream().map(c -> c.me().getId()).distinct().count();
    long pairs = all.stream().filter(PairContext::paired).count();
    return "You're in "
        + programs
        + (programs == 1 ? " program" : " programs")
        + (pairs == 0 ? "" : " with " + pairs + (pairs == 1 ? " pairing" : " pairings"))
        + ":";
  }

  private static List<Reply.Field> fields(
      PairContext ctx, String role, Instant now, ReminderTimes.QuietHours quiet) {
    List<Reply.Field> fields = new ArrayList<>();
    fields.add(new Reply.Field("Role", role));
    fields.add(new Reply.Field("Program", Markup.text(ctx.program().getName())));
    fields.add(new Reply.Field("Status", ctx.me().getStatus().name().toLowerCase(Locale.ROOT)));
    fields.add(
        new Reply.Field(
            "Partner",
            ctx.paired()
                ? Markup.text(ctx.partnerName()) + " (" + ctx.partner().getRole().label() + ")"
                : "not paired yet"));
    Sessions sessions = Sessions.in(ctx.store());
    Sessions.Totals totals;
    Session last;
    if (ctx.paired()) {
      List<Session> pair = sessions.ofPair(ctx.pair().getId());
      totals = new Sessions.Totals(pair.size(), pair.stream().mapToLong(Session::getMinutes).sum());
      last =
          pair.stream()
              .max(Comparator.comparing(Session::getOccurredAt).thenComparing(Session::getId))
              .orElse(null);
    } else {
      totals = sessions.totals(ctx.me().getId());
      last = sessions.last(ctx.me().getId()).orElse(null);
    }
    fields.add(new Reply.Field("Sessions so far", Long.toString(totals.count())));
    fields.add(new Reply.Field("Total time", Durations.humanMinutes(totals.minutes())));
    fields.add(
        new Reply.Field("Last session", last == null ? "none yet" : describe(last, ctx.zone())));
    fields.add(new Reply.Field("Next reminder", nextReminder(ctx, now, quiet)));
    if (ctx.paired()) {
      Meetings.nextSession(ctx.store(), ctx.pair(), ctx.zone())
          .ifPresent(line -> fields.add(new Reply.Field("Next session", line)));
    }
    fields.add(new Reply.Field("Engagement", engagement(ctx, now)));
    if (ctx.paired()) {
      fields.add(new Reply.Field("Goals", goals(ctx)));
      AgreementLine.of(ctx.store(), ctx.pair().getId())
          .ifPresent(line -> fields.add(new Reply.Field("Working agreement", line)));
    }
    String skills = skillChanges(ctx);
    if (!skills.isEmpty()) {
      fields.add(new Reply.Field("Skills since you joined", skills));
    }
    return fields;
  }

  private static List<Reply.Button> buttons(PairContext ctx) {
    List<Reply.Button> buttons = new ArrayList<>();
    buttons.add(command("Log a session", "log", Reply.Button.Style.PRIMARY));
    if (ctx.paired()) {
      buttons.add(command("Add a goal", "goal add", null));
    }
    if (ctx.me().getStatus() == ParticipantStatus.ACTIVE) {
      buttons.add(command("Pause", "pause", null));
    } else if (ctx.me().getStatus() == ParticipantStatus.PAUSED) {
      buttons.add(command("Resume", "resume", null));
    }
    if (ctx.paired()) {
      buttons.add(command("Goals and tasks", "goal list", null));
    }
    buttons.add(command("My sessions", "log list", null));
    return buttons;
  }

  public static Reply.Button command(String label, String text, Reply.Button.Style style) {
    return new Reply.Button(CommandDispatcher.COMMAND_ACTION, label, text, style);
  }

  /**
   * When the actor's next reminder comes, in their own zone, by the reminder job's own rules
   * ({@link Reminders#nextFor}); or why none is coming.
   */
  static String nextReminder(PairContext ctx, Instant now, ReminderTimes.QuietHours quiet) {
    Participant me = ctx.me();
    if (me.getStatus() == ParticipantStatus.PAUSED && me.getPausedUntil() != null) {
      return "paused until " + DATE.format(me.getPausedUntil().atZone(ctx.zone()));
    }
    if (me.getStatus() == ParticipantStatus.WAITLISTED) {
      return "none while you're on the waitlist";
    }
    if (!ctx.paired()) {
      return "once you're paired";
    }
    if (ctx.partner().getStatus() == ParticipantStatus.PAUSED
        && ctx.partner().getPausedUntil() != null) {
      return "paused until "
          + DATE.format(ctx.partner().getPausedUntil().atZone(ctx.zone()))
          + " (your partner is taking a break)";
    }
    if (ctx.pair().getAtRiskAt() != null) {
      return "at risk: waiting for your answer (`" + Markup.command("continue") + "` to carry on)";
    }
    if (ctx.program().getStatus() != ProgramStatus.RUNNING) {
      return "none while the program is " + ctx.program().getStatus().label();
    }
    Optional<Instant> next =
        PairPeople.load(ctx.store(), ctx.program(), ctx.pair())
            .flatMap(
                pp ->
                    pp.people().stream()
                        .filter(p -> p.participant().getId().equals(me.getId()))
                        .findFirst()
                        .flatMap(person -> Reminders.nextFor(pp, person, now, quiet)));
    return next.map(at -> WHEN.format(at.atZone(ctx.zone())) + " (" + zoneName(ctx.zone()) + ")")
        .orElse("none scheduled");
  }

  private static String zoneName(ZoneId zone) {
    return zone.equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  public static String describe(Session session, ZoneId zone) {
    String date =
        session.getLocalDate() != null
            ? session.getLocalDate()
            : DATE.format(session.getOccurredAt().atZone(zone));
    String duration = Durations.humanMinutes(session.getMinutes());
    return session.getTopic().isEmpty()
        ? date + " (" + duration + ")"
        : date + " — " + Markup.text(session.getTopic()) + " (" + duration + ")";
  }

  /** The pair's engagement over the last cadence window, from its sessions and signals. */
  static String engagement(PairContext ctx, Instant now) {
    if (!ctx.paired()) {
      return "Waiting for a partner; you can log what you do meanwhile.";
    }
    int days = ctx.program().getCadenceDays();
    Instant since = now.minus(Duration.ofDays(days));
    long sessions =
        Sessions.in(ctx.store()).ofPair(ctx.pair().getId()).stream()
            .filter(s -> !s.getOccurredAt().isBefore(since))
            .count();
    long updates = PairActivity.in(ctx.store()).count(ctx.pair().getId(), PLAN_UPDATES, since);
    String window = "the last " + days + " days";
    if (sessions > 0) {
      return "On track: "
          + sessions
          + (sessions == 1 ? " session" : " sessions")
          + " and "
          + updates
          + (updates == 1 ? " update" : " updates")
          + " in "
          + window
          + ".";
    }
    if (ctx.pair().getCreatedAt().isAfter(since)) {
      return "Just started: meet for your first session within " + days + " days.";
    }
    if (updates > 0) {
      return "Slowing down: no session in "
          + window
          + ", though "
          + updates
          + (updates == 1 ? " update" : " updates")
          + " to your plan.";
    }
    return "Quiet: no session or update in " + window + ". Time to meet?";
  }

  static String goals(PairContext ctx) {
    Plans plans = Plans.in(ctx.store());
    List<Goal> goals = plans.goals(ctx.pair().getId());
    if (goals.isEmpty()) {
      return "none yet: add one with `" + Markup.command("goal add …") + "`";
    }
    Map<Long, List<GoalTask>> tasks =
        plans.tasks(ctx.pair().getId()).stream()
            .collect(
                Collectors.groupingBy(
                    GoalTask::getGoalId, LinkedHashMap::new, Collectors.toList()));
    return goals.stream()
        .map(g -> goalLine(ctx, g, tasks.getOrDefault(g.getId(), List.of())))
        .collect(Collectors.joining("\n"));
  }

  public static String goalLine(PairContext ctx, Goal goal, List<GoalTask> tasks) {
    long done = tasks.stream().filter(GoalTask::isDone).count();
    String progress =
        tasks.isEmpty()
            ? "no tasks yet"
            : done
                + "/"
                + tasks.size()
                + " tasks ("
                + Math.round(100.0 * done / tasks.size())
                + "%)";
    return (goal.isDone() ? "✓ " : "")
        + goal.getNumber()
        + ". "
        + Markup.text(goal.getText())
        + " — "
        + (goal.isDone() ? "done" : progress)
        + " · for "
        + ownerName(ctx, goal.getOwnerId())
        + (goal.getDueDate() == null ? "" : " · by " + goal.getDueDate());
  }

  static String ownerName(PairContext ctx, long participantId) {
    if (participantId == ctx.me().getId()) {
      return "you";
    }
    return Markup.text(ctx.partnerName());
  }

  /** Each skill rated at enrolment and re-rated since: {@code TikTok 2 → 4}. */
  static String skillChanges(PairContext ctx) {
    List<SkillRating> ratings = Plans.in(ctx.store()).ratings(ctx.me().getId());
    if (ratings.isEmpty()) {
      return "";
    }
    Map<String, Integer> initial = initialRatings(ctx.me().getWantsToLearn());
    Map<String, Integer> latest = new LinkedHashMap<>();
    ratings.forEach(r -> latest.put(r.getSkill(), r.getLevel()));
    return latest.entrySet().stream()
        .map(
            e -> {
              Integer before = initial.get(e.getKey());
              return Markup.text(e.getKey())
                  + " "
                  + (before == null ? "–" : before.toString())
                  + " → "
                  + e.getValue();
            })
        .collect(Collectors.joining(", "));
  }

  public static Map<String, Integer> initialRatings(String wantsToLearn) {
    try {
      return new LinkedHashMap<>(ProfileText.ratedSkills(wantsToLearn == null ? "" : wantsToLearn));
    } catch (ProfileText.Invalid e) {
      return new LinkedHashMap<>();
    }
  }
}
