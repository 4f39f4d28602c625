package io.tandem.core.surveys;

import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Optional;

/** Sends a schedule's run when it is due, and moves the schedule to its next firing. */
final class FireSchedule {

  private final SurveySettings settings;
  private final OpenRun openRun;

  FireSchedule(SurveySettings settings, OpenRun openRun) {
    this.settings = settings;
    this.openRun = openRun;
  }

  /**
   * Fires schedule {@code scheduleId} in the caller's transaction if it is due at {@code now}.
   *
   * @return 1 when a run was sent, else 0
   */
  int fire(Store store, long scheduleId, Instant now) {
    SurveySchedule schedule = SurveySchedules.in(store).find(scheduleId).orElseThrow();
    if (schedule.cancelledAt() != null || schedule.nextAt().isAfter(now)) {
      return 0;
    }
    schedule.next(SurveyTimes.nextFire(schedule.cron(), schedule.zone(), now));
    Optional<Program> program = Programs.in(store).byId(schedule.programId());
    Optional<SurveyTemplate> template = settings.template(schedule.templateId());
    if (program.isEmpty()
        || template.isEmpty()
        || program.get().getStatus() == ProgramStatus.CLOSED) {
      return 0;
    }
    return openRun.open(store, program.get(), template.get(), now, scheduleId).isPresent() ? 1 : 0;
  }
}
