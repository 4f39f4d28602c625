package io.tandem.core.surveys;

import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One trigger for all surveys: every minute it asks {@link DueSurveys} to remind non-respondents,
 * close runs whose time is up and send scheduled runs. A missed firing fires once when Tandem is
 * back; the work is keyed by what is due, so a re-run changes nothing.
 */
public final class SurveyJob implements ScheduledJob {

  public static final String KEY = "surveys";
  public static final Duration INTERVAL = Duration.ofMinutes(1);

  private final DueSurveys due;

  SurveyJob(DueSurveys due) {
    this.due = Objects.requireNonNull(due, "due");
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Schedule schedule() {
    return new Schedule.Every(INTERVAL, Schedule.Misfire.FIRE_ONCE_NOW);
  }

  @Override
  public void run(Instant firedAt) {
    due.due(firedAt);
  }
}
