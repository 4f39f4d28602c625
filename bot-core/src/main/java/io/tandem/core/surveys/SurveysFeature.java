package io.tandem.core.surveys;

import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.command.Routes.CommandHandler;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Pulse surveys: admins send, schedule, list, cancel and read them ({@link SendSurvey}, {@link
 * ScheduleSurvey}, {@link ListSurveys}, {@link CancelSurvey}, {@link ShowResults}); participants
 * answer with one click or one form, in a DM queued through the outbox ({@link AnswerSurvey}); the
 * {@link SurveyJob} reminds, closes and sends scheduled runs ({@link DueSurveys}). Every call is
 * one transaction.
 *
 * <p><b>Anonymity.</b> For anonymous runs an answer only increments a count per question and answer
 * ({@link SurveyTally}) or adds a free-text row with a random id and no time ({@link SurveyText});
 * who answered is kept apart, by day only ({@link SurveyInvitee}). Results show nothing for fewer
 * answers than the threshold, and free text only from {@link SurveySettings#textThreshold()}.
 */
public final class SurveysFeature implements Feature {

  /** Inline answer buttons: value {@code runId:answer}. */
  public static final String ANSWER_ACTION = "survey.answer";

  /** The button that opens a run's form: value {@code runId}. */
  public static final String OPEN_ACTION = "survey.open";

  /** Every survey button's action id starts with this ({@link #ANSWER_ACTION}, …). */
  static final String ACTION_PREFIX = "survey.";

  private final SendSurvey send;
  private final ScheduleSurvey schedule;
  private final ListSurveys list;
  private final CancelSurvey cancel;
  private final ShowResults results;
  private final AnswerSurvey answer;
  private final SurveyJob job;
  private final ClosingSurvey closing;
  private final Database db;

  public SurveysFeature(Database db, Clock clock, SurveySettings settings) {
    this(db, clock, settings, SurveyAnswers::in);
  }

  /** As the public constructor, with answers stored through {@code answers} (tests). */
  SurveysFeature(
      Database db, Clock clock, SurveySettings settings, Function<Store, SurveyAnswers> answers) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(settings, "settings");
    this.db = db;
    OpenRun openRun = new OpenRun(settings);
    this.closing = new ClosingSurvey(db, settings, openRun);
    CloseRun closeRun = new CloseRun();
    this.send = new SendSurvey(db, clock, settings, openRun);
    this.schedule = new ScheduleSurvey(db, clock, settings);
    this.list = new ListSurveys(db, clock, settings);
    this.cancel = new CancelSurvey(db, clock, closeRun);
    this.results = new ShowResults(db, clock, settings);
    this.answer = new AnswerSurvey(db, clock, settings, answers);
    this.job =
        new SurveyJob(
            new DueSurveys(
                db, new FireSchedule(settings, openRun), new RemindRun(settings), closeRun));
  }

  /** The job that reminds, closes and sends scheduled surveys; tests run it directly. */
  public SurveyJob job() {
    return job;
  }

  /** Sends the end-of-program survey when a program closes at the end of its length. */
  public ClosingSurvey closingSurvey() {
    return closing;
  }

  /** Reads results outside chat (report, CSV, API); see {@link ShowResults#read}. */
  ShowResults results() {
    return results;
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(SurveyCommand.Send.class, programAdmins(SurveyCommand.Send::program, send::send))
        .command(
            SurveyCommand.ScheduleSend.class,
            programAdmins(SurveyCommand.ScheduleSend::program, schedule::schedule))
        .command(SurveyCommand.ListRuns.class, (actor, list) -> this.list.list(actor))
        .command(
            SurveyCommand.Results.class,
            runAdmins(
                (store, r) -> SurveyRuns.in(store).find(r.run()).map(SurveyRun::programId),
                (actor, r) -> results.inChat(actor, r.run())))
        .command(
            SurveyCommand.Cancel.class,
            runAdmins(
                (store, c) ->
                    c.schedule()
                        ? SurveySchedules.in(store).find(c.id()).map(SurveySchedule::programId)
                        : SurveyRuns.in(store).find(c.id()).map(SurveyRun::programId),
                cancel::cancel))
        .actions(ACTION_PREFIX, this::clicked)
        .forms(SurveyForm.FORM_PREFIX, answer::submit)
        .job(job);
  }

  /** A click on the button that opens a run's form, or on an inline answer button. */
  private Reply clicked(Actor actor, String actionId, String value) {
    return OPEN_ACTION.equals(actionId)
        ? answer.openForm(actor, value)
        : answer.click(actor, value);
  }

  /**
   * A survey command about one program: workspace admins and that program's admins may run it;
   * anyone else is refused and nothing runs.
   */
  private <C extends SurveyCommand> CommandHandler<C> programAdmins(
      Function<C, String> program, CommandHandler<C> handler) {
    return (actor, command) ->
        AdminRights.only(
            db, actor, program.apply(command), "status", () -> handler.handle(actor, command));
  }

  /**
   * A survey command about one run or schedule ({@code survey results N}, {@code survey cancel N}):
   * workspace admins and the admins of the run's program may run it; anyone else is refused and
   * nothing runs.
   */
  private <C extends SurveyCommand> CommandHandler<C> runAdmins(
      BiFunction<Store, C, Optional<Long>> programOf, CommandHandler<C> handler) {
    return (actor, command) -> {
      if (actor.admin()) {
        return handler.handle(actor, command);
      }
      Optional<Reply> refused =
          db.transaction(
              store ->
                  AdminRights.refuse(
                      store,
                      actor,
                      programOf
                          .apply(store, command)
                          .flatMap(id -> Programs.in(store).byId(id))
                          .map(Program::getName)
                          .orElse(null),
                      "status"));
      return refused.orElseGet(() -> handler.handle(actor, command));
    };
  }
}
