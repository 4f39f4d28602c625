package io.tandem.core.programs;

import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import io.tandem.core.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends programs at the end of their length: hourly, it tells both people of every active pair a
 * week before ({@link ProgramEnd#noticeDue}), then closes the program when its length is over
 * ({@link ProgramEnd#closeDue}) and runs the {@link ClosingStep}s: the closing survey, the admins'
 * final report. A missed firing runs once on restart; each program is told and closed once.
 */
public final class ProgramEndJob implements ScheduledJob {

  public static final String KEY = "program-end";

  private static final Logger LOG = LoggerFactory.getLogger(ProgramEndJob.class);

  private final Database db;
  private final List<ClosingStep> steps;

  public ProgramEndJob(Database db, List<ClosingStep> steps) {
    this.db = Objects.requireNonNull(db, "db");
    this.steps = List.copyOf(steps);
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Schedule schedule() {
    return new Schedule.Every(Duration.ofHours(1), Schedule.Misfire.FIRE_ONCE_NOW);
  }

  @Override
  public void run(Instant firedAt) throws Exception {
    List<Long> live =
        db.transaction(store -> Programs.in(store).live().stream().map(Program::getId).toList());
    for (long id : live) {
      int told = db.transactionRetryingConflicts(store -> ProgramEnd.noticeDue(store, id, firedAt));
      boolean closed =
          db.transactionRetryingConflicts(store -> ProgramEnd.closeDue(store, id, firedAt));
      if (told > 0) {
        LOG.info("Program {} ends in a week: {} people told", id, told);
      }
      if (closed) {
        LOG.info("Program {} closed at the end of its length", id);
        for (ClosingStep step : steps) {
          step.programClosed(id, firedAt);
        }
      }
    }
  }
}
