package io.tandem.core.surveys;

import io.tandem.core.store.Store;
import io.tandem.core.surveys.persistence.JpaSurveySchedules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The survey schedules: templates sent to a program on a cron schedule. */
public interface SurveySchedules {

  static SurveySchedules in(Store store) {
    return new JpaSurveySchedules(store);
  }

  /** Stores a new schedule; its id (the schedule number) is assigned at once. */
  SurveySchedule add(SurveySchedule schedule);

  Optional<SurveySchedule> find(long id);

  /** The workspace's schedules that are not cancelled, oldest first. */
  List<SurveySchedule> active(long workspaceId);

  /** Schedules that are not cancelled and due at {@code now}. */
  List<Long> due(Instant now);

  /**
   * Cancels the workspace's schedule {@code id}.
   *
   * @return false when the workspace has no such active schedule
   */
  boolean cancel(long id, long workspaceId, Instant now);
}
