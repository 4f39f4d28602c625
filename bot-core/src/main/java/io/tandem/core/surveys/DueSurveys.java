package io.tandem.core.surveys;

import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What time does to surveys, up to a given instant: sends scheduled runs that came due, reminds
 * non-respondents of runs whose reminder is due and closes runs whose time is up. Each run and
 * schedule in its own transaction; safe to call again for the same instant.
 */
final class DueSurveys {

  private final Database db;
  private final FireSchedule fireSchedule;
  private final RemindRun remindRun;
  private final CloseRun closeRun;

  DueSurveys(Database db, FireSchedule fireSchedule, RemindRun remindRun, CloseRun closeRun) {
    this.db = db;
    this.fireSchedule = fireSchedule;
    this.remindRun = remindRun;
    this.closeRun = closeRun;
  }

  /**
   * @return how many runs were reminded, closed or sent
   */
  int due(Instant now) {
    int done = 0;
    for (long id : ids(store -> SurveySchedules.in(store).due(now))) {
      done += db.transactionRetryingConflicts(store -> fireSchedule.fire(store, id, now));
    }
    for (long id : ids(store -> SurveyRuns.in(store).dueForReminder(now))) {
      done += db.transactionRetryingConflicts(store -> remindRun.remind(store, id, now));
    }
    for (long id : ids(store -> SurveyRuns.in(store).dueForClosing(now))) {
      done += db.transactionRetryingConflicts(store -> closeRun.close(store, id, null, now));
    }
    return done;
  }

  private List<Long> ids(Function<Store, List<Long>> query) {
    return db.transaction(query);
  }
}
