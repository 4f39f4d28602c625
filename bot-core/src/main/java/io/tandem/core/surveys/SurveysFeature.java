package io.tandem.core.surveys;

import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import java.util.Objects;

/**
 * Pulse surveys: the admins' {@code survey} commands, the answer buttons and forms people fill in,
 * and the job that reminds, closes and sends scheduled surveys.
 */
public final class SurveysFeature implements Feature {

  /** Every survey button's action id starts with this ({@link Surveys#ANSWER_ACTION}, …). */
  static final String ACTION_PREFIX = "survey.";

  /** Every survey form's id starts with this, followed by the run's id. */
  static final String FORM_PREFIX = "survey:";

  private final Surveys surveys;
  private final SurveyJob job;

  public SurveysFeature(Surveys surveys) {
    this.surveys = Objects.requireNonNull(surveys, "surveys");
    this.job = new SurveyJob(surveys);
  }

  /** The job that reminds, closes and sends scheduled surveys; tests run it directly. */
  public SurveyJob job() {
    return job;
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(SurveyCommand.Send.class, surveys::handle)
        .command(SurveyCommand.ScheduleSend.class, surveys::handle)
        .command(SurveyCommand.ListRuns.class, surveys::handle)
        .command(SurveyCommand.Results.class, surveys::handle)
        .command(SurveyCommand.Cancel.class, surveys::handle)
        .actions(ACTION_PREFIX, surveys::clicked)
        .forms(FORM_PREFIX, Surveys::handles, surveys::submitted)
        .job(job);
  }
}
