package io.tandem.core.command;

import io.tandem.core.checkins.LogSession;
import io.tandem.core.enrolment.JoinProgram;
import io.tandem.core.home.ShowStatus;
import io.tandem.core.kernel.LogText;
import io.tandem.core.learning.LearningPlan;
import io.tandem.core.matching.MatchPairs;
import io.tandem.core.matching.PairPreferences;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.privacy.PrivacyRoutes;
import io.tandem.core.programs.ManagePrograms;
import io.tandem.core.reminders.ReminderRoutes;
import io.tandem.core.reports.OpenDashboard;
import io.tandem.core.reports.Reports;
import io.tandem.core.store.Database;
import io.tandem.core.surveys.SurveyCommand;
import io.tandem.core.surveys.Surveys;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each {@code /tandem} command once and routes it, and every button and form, to its use
 * case. Nothing a person does can make it throw: failures become an apology that says nothing was
 * saved (each use case's transaction rolled back).
 */
public final class CommandDispatcher
    implements HandleCommandUseCase, HandleInteractionUseCase, HandleMembershipUseCase {

  /** Buttons with this action id carry a command of the core grammar as their value. */
  public static final String COMMAND_ACTION = "command";

  private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

  private final CommandParser parser = new CommandParser();
  private final JoinProgram joinProgram;
  private final LogSession logSession;
  private final ShowStatus showStatus;
  private final ManagePrograms managePrograms;
  private final MatchPairs matchPairs;
  private final PairPreferences pairPreferences;
  private final LearningPlan learningPlan;
  private final Surveys surveys;
  private volatile ReminderRoutes reminders;
  private volatile Metrics metrics = Metrics.NONE;
  private volatile OpenDashboard dashboard;
  private volatile HandleMembershipUseCase membership = HandleMembershipUseCase.NONE;

  /** What a person reads when their command failed on Tandem's side. */
  private static final String APOLOGY =
      "Something went wrong on our side and nothing was saved. Please try again in a minute.";

  private volatile Reports reports;
  private volatile PrivacyRoutes privacy;

  public CommandDispatcher(
      JoinProgram joinProgram,
      LogSession logSession,
      ShowStatus showStatus,
      ManagePrograms managePrograms,
      MatchPairs matchPairs,
      PairPreferences pairPreferences,
      LearningPlan learningPlan,
      Surveys surveys) {
    this.joinProgram = joinProgram;
    this.logSession = logSession;
    this.showStatus = showStatus;
    this.managePrograms = managePrograms;
    this.matchPairs = matchPairs;
    this.pairPreferences = pairPreferences;
    this.learningPlan = learningPlan;
    this.surveys = surveys;
  }

  /** The command a button sends to nudge this person, as if an admin had typed it. */
  public static String nudgeCommand(String userId) {
    return "nudge <@" + userId + ">";
  }

  /** Every chat use case on {@code db}, as the app wires them, behind one dispatcher. */
  public static CommandDispatcher of(Database db, Clock clock, Surveys surveys) {
    return of(db, clock, new JoinProgram(db, clock), surveys);
  }

  /** As {@link #of(Database, Clock, Surveys)}, joining through {@code join}. */
  public static CommandDispatcher of(Database db, Clock clock, JoinProgram join, Surveys surveys) {
    return new CommandDispatcher(
            join,
            new LogSession(db, clock),
            new ShowStatus(db, clock),
            new ManagePrograms(db, clock),
            new MatchPairs(db, clock),
            new PairPreferences(db, clock),
            new LearningPlan(db, clock),
            surveys)
        .withPrivacy(PrivacyRoutes.of(db, clock));
  }

  @Override
  public Reply handle(Invocation invocation) {
    CommandParser.Parsed parsed = parser.parse(invocation.text());
    String verb = CommandParser.verbOf(invocation.text());
    if (parsed instanceof CommandParser.Parsed.Rejected rejected) {
      metrics.commandHandled(invocation.actor().platform(), verb, Metrics.Outcome.INVALID);
      return Reply.error(rejected.problem(), rejected.example());
    }
    Command command = ((CommandParser.Parsed.Accepted) parsed).command();
    Reply reply =
        guarded(
            command.getClass().getSimpleName(),
            invocation.actor(),
            () -> route(invocation.actor(), command));
    metrics.commandHandled(
        invocation.actor().platform(),
        verb,
        reply.kind() == Reply.Kind.ERROR && APOLOGY.equals(reply.text())
            ? Metrics.Outcome.FAILED
            : reply.kind() == Reply.Kind.ERROR ? Metrics.Outcome.REFUSED : Metrics.Outcome.OK);
    if (reminders != null && invocation.actor().admin()) {
      guarded(
          "admin",
          invocation.actor(),
          () -> {
            reminders.seen(invocation.actor());
            return null;
          });
    }
    return reply;
  }

  /** Adds {@code dashboard}; the composition root calls this when it serves one. */
  public CommandDispatcher withDashboard(OpenDashboard dashboard) {
    this.dashboard = dashboard;
    return this;
  }

  /** Reports each handled command to {@code metrics}; the composition root calls this. */
  public CommandDispatcher withMetrics(Metrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  /** Adds reminders, nudges and pause/resume/leave; the composition root calls this. */
  public CommandDispatcher withReminders(ReminderRoutes routes) {
    this.reminders = routes;
    return this;
  }

  /**
   * Adds departures and returns of members (the retention proxy); the composition root calls this.
   * Without it they are ignored.
   */
  public CommandDispatcher withMembership(HandleMembershipUseCase membership) {
    this.membership = Objects.requireNonNull(membership, "membership");
    return this;
  }

  @Override
  public void memberLeft(Platform platform, String workspaceId, String userId) {
    try {
      membership.memberLeft(platform, workspaceId, userId);
    } catch (RuntimeException e) {
      LOG.error("Recording that {} user {} left failed", platform, LogText.of(userId), e);
    }
  }

  @Override
  public void memberReturned(Platform platform, String workspaceId, String userId) {
    try {
      membership.memberReturned(platform, workspaceId, userId);
    } catch (RuntimeException e) {
      LOG.error("Recording that {} user {} returned failed", platform, LogText.of(userId), e);
    }
  }

  /** Adds {@code my data} and {@code forget}; {@link #of} calls this. */
  public CommandDispatcher withPrivacy(PrivacyRoutes privacy) {
    this.privacy = privacy;
    return this;
  }

  /** Adds {@code report}; the composition root calls this. */
  public CommandDispatcher withReports(Reports reports) {
    this.reports = reports;
    return this;
  }

  @Override
  public Reply clicked(Actor actor, String channelId, String actionId, String value) {
    if (COMMAND_ACTION.equals(actionId)) {
      return handle(new Invocation(actor, channelId, value));
    }
    if (actionId.startsWith("survey.")) {
      return guarded("click " + actionId, actor, () -> surveys.clicked(actor, actionId, value));
    }
    if (PairPreferences.MEET_ACTION.equals(actionId)) {
      return guarded("click " + actionId, actor, () -> pairPreferences.chose(actor, value));
    }
    return Reply.error("That button is no longer active.", CommandParser.Verb.HELP.example);
  }

  @Override
  public Reply submitted(Actor actor, String channelId, String formId, Map<String, String> values) {
    if (JoinProgram.handles(formId)) {
      return guarded("form " + formId, actor, () -> joinProgram.submitted(actor, formId, values));
    }
    if (LogSession.handles(formId)) {
      return guarded("form " + formId, actor, () -> logSession.submitted(actor, formId, values));
    }
    if (Surveys.handles(formId)) {
      return guarded("form " + formId, actor, () -> surveys.submitted(actor, formId, values));
    }
    if (LearningPlan.handles(formId)) {
      return guarded("form " + formId, actor, () -> learningPlan.submitted(actor, formId, values));
    }
    return Reply.error("That form is no longer active.", CommandParser.Verb.HELP.example);
  }

  @Override
  public void homeOpened(Actor actor) {
    guarded(
        "home",
        actor,
        () -> {
          showStatus.homeOpened(actor);
          return null;
        });
  }

  @Override
  public void formClosed(Actor actor, String formId) {
    guarded(
        "form closed " + formId,
        actor,
        () -> {
          learningPlan.formClosed(actor, formId);
          return null;
        });
  }

  private Reply guarded(String what, Actor actor, Supplier<Reply> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      LOG.error(
          "{} failed for {} user {}",
          LogText.of(what),
          actor.platform(),
          LogText.of(actor.userId()),
          e);
      return Reply.error(APOLOGY, CommandParser.Verb.HELP.example);
    }
  }

  // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
  private Reply route(Actor actor, Command command) {
    if (command instanceof Command.Join join) {
      return joinProgram.join(actor, join);
    }
    if (command instanceof Command.EditProfile edit) {
      return joinProgram.editProfile(actor, edit);
    }
    if (command instanceof Command.Exclude exclude) {
      return joinProgram.exclude(actor, exclude);
    }
    if (command instanceof Command.Log log) {
      return logSession.log(actor, log);
    }
    if (command instanceof Command.OpenLogForm open) {
      return logSession.openForm(actor, open);
    }
    if (command instanceof Command.ListLogs) {
      return logSession.list(actor);
    }
    if (command instanceof Command.EditLog edit) {
      return logSession.edit(actor, edit);
    }
    if (command instanceof Command.DeleteLog delete) {
      return logSession.delete(actor, delete);
    }
    if (command instanceof Command.AddGoal goal) {
      return learningPlan.addGoal(actor, goal);
    }
    if (command instanceof Command.OpenGoalForm) {
      return learningPlan.openGoalForm(actor);
    }
    if (command instanceof Command.GoalDone done) {
      return learningPlan.goalDone(actor, done);
    }
    if (command instanceof Command.ListGoals) {
      return learningPlan.listGoals(actor);
    }
    if (command instanceof Command.ReviewGoals) {
      return learningPlan.review(actor);
    }
    if (command instanceof Command.AddTask task) {
      return learningPlan.addTask(actor, task);
    }
    if (command instanceof Command.TaskDone done) {
      return learningPlan.taskDone(actor, done);
    }
    if (command instanceof Command.ListTasks) {
      return learningPlan.listTasks(actor);
    }
    if (command instanceof Command.ReminderCommand reminder && reminders != null) {
      return reminders.route(actor, reminder);
    }
    if (command instanceof Command.Report report && reports != null) {
      return reports.report(actor, report.program());
    }
    if (command instanceof Command.Privacy mine && privacy != null) {
      return privacy.route(actor, mine);
    }
    if (command instanceof SurveyCommand survey) {
      return surveys.handle(actor, survey);
    }
    if (command instanceof Command.Status) {
      return showStatus.status(actor);
    }
    if (command instanceof Command.CreateProgram create) {
      return managePrograms.create(actor, create);
    }
    if (command instanceof Command.ChangeProgram change) {
      return managePrograms.change(actor, change);
    }
    if (command instanceof Command.ListPrograms) {
      return managePrograms.list(actor);
    }
    if (command instanceof Command.PreviewMatch preview) {
      return matchPairs.preview(actor, preview.program());
    }
    if (command instanceof Command.SwapMatch swap) {
      return matchPairs.swap(actor, swap);
    }
    if (command instanceof Command.ApproveMatch approve) {
      return matchPairs.approve(actor, approve.program());
    }
    if (command instanceof Command.OpenDashboard open) {
      return dashboard == null
          ? Reply.error(
              "This Tandem serves no web dashboard; ask your operator to run it with `tandem run`.",
              CommandParser.Verb.HELP.example)
          : dashboard.open(actor, open);
    }
    return help();
  }

  private static Reply help() {
    List<Reply.Field> fields =
        Arrays.stream(CommandParser.Verb.values())
            .map(v -> new Reply.Field("`" + Markup.command(v.example) + "`", v.summary))
            .toList();
    return Reply.info(
        "*Tandem* runs reverse-mentoring programs right here. Here is what you can ask:", fields);
  }
}
