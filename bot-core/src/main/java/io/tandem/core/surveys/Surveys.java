package io.tandem.core.surveys;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pulse surveys, the feature's entry point: admins send, schedule, list, cancel and read them
 * ({@link SendSurvey}, {@link ScheduleSurvey}, {@link ListSurveys}, {@link CancelSurvey}, {@link
 * ShowResults}); participants answer with one click or one form, in a DM queued through the outbox
 * ({@link AnswerSurvey}); {@link SurveyJob} reminds, closes and sends scheduled runs ({@link
 * DueSurveys}). Every call is one transaction.
 *
 * <p><b>Anonymity.</b> For anonymous runs an answer only increments a count per question and answer
 * ({@link SurveyTally}) or adds a free-text row with a random id and no time ({@link SurveyText});
 * who answered is kept apart, by day only ({@link SurveyInvitee}). Results show nothing for fewer
 * answers than the threshold, and free text only from {@link SurveySettings#textThreshold()}.
 */
public final class Surveys {

  /** Inline answer buttons: value {@code runId:answer}. */
  public static final String ANSWER_ACTION = "survey.answer";

  /** The button that opens a run's form: value {@code runId}. */
  public static final String OPEN_ACTION = "survey.open";

  private final SendSurvey send;
  private final ScheduleSurvey schedule;
  private final ListSurveys list;
  private final CancelSurvey cancel;
  private final ShowResults results;
  private final AnswerSurvey answer;
  private final DueSurveys due;

  public Surveys(Database db, Clock clock, SurveySettings settings) {
    this(db, clock, settings, SurveyAnswers::in);
  }

  /** As the public constructor, with answers stored through {@code answers} (tests). */
  Surveys(
      Database db, Clock clock, SurveySettings settings, Function<Store, SurveyAnswers> answers) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(settings, "settings");
    OpenRun openRun = new OpenRun(settings);
    CloseRun closeRun = new CloseRun();
    this.send = new SendSurvey(db, clock, settings, openRun);
    this.schedule = new ScheduleSurvey(db, clock, settings);
    this.list = new ListSurveys(db, clock, settings);
    this.cancel = new CancelSurvey(db, clock, closeRun);
    this.results = new ShowResults(db, clock, settings);
    this.answer = new AnswerSurvey(db, clock, settings, answers);
    this.due =
        new DueSurveys(db, new FireSchedule(settings, openRun), new RemindRun(settings), closeRun);
  }

  /** Whether {@code formId} is a survey's answer form. */
  public static boolean handles(String formId) {
    return formId.startsWith(SurveyForm.FORM_PREFIX);
  }

  /** Routes a parsed survey command; admins only. */
  public Reply handle(Actor actor, SurveyCommand command) {
    if (!actor.admin()) {
      return SurveyMessages.adminsOnly();
    }
    if (command instanceof SurveyCommand.Send s) {
      return send.send(actor, s);
    }
    if (command instanceof SurveyCommand.Results r) {
      return results.inChat(actor, r.run());
    }
    if (command instanceof SurveyCommand.ListRuns) {
      return list.list(actor);
    }
    if (command instanceof SurveyCommand.Cancel c) {
      return cancel.cancel(actor, c);
    }
    return schedule.schedule(actor, (SurveyCommand.ScheduleSend) command);
  }

  /** A click on an inline answer button or on the button that opens a run's form. */
  public Reply clicked(Actor actor, String actionId, String value) {
    return OPEN_ACTION.equals(actionId)
        ? answer.openForm(actor, value)
        : answer.click(actor, value);
  }

  /** A submitted survey form. */
  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    return answer.submit(actor, formId, values);
  }

  /**
   * What time does to surveys, up to {@code now}: reminds non-respondents of runs whose reminder is
   * due, closes runs whose time is up and sends scheduled runs that came due. Each run and schedule
   * in its own transaction; safe to call again for the same instant.
   *
   * @return how many runs were reminded, closed or sent
   */
  public int due(Instant now) {
    return due.due(now);
  }

  /**
   * A run's results with the anonymity threshold applied, for any reader outside chat (report, CSV,
   * API); see {@link SurveyResults}.
   *
   * @param workspaceId the internal workspace id the run must belong to
   * @return empty when the workspace has no such run
   */
  public Optional<SurveyResults> results(long workspaceId, long runId) {
    return results.read(workspaceId, runId);
  }
}
