package io.tandem.core.surveys;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** {@code survey cancel N} closes run N now; {@code survey cancel schedule N} stops a schedule. */
final class CancelSurvey {

  private final Database db;
  private final Clock clock;
  private final CloseRun closeRun;

  CancelSurvey(Database db, Clock clock, CloseRun closeRun) {
    this.db = db;
    this.clock = clock;
    this.closeRun = closeRun;
  }

  Reply cancel(Actor actor, SurveyCommand.Cancel command) {
    return db.transactionRetryingConflicts(
        store -> {
          long workspaceId =
              Workspaces.in(store)
                  .find(actor.platform(), actor.workspaceId())
                  .map(Workspace::getId)
                  .orElse(-1L);
          Instant now = SurveyTimes.now(clock);
          if (command.schedule()) {
            return SurveySchedules.in(store).cancel(command.id(), workspaceId, now)
                ? SurveyMessages.scheduleCancelled(command.id())
                : SurveyMessages.noSchedule(command.id());
          }
          Optional<SurveyRun> run =
              SurveyRuns.in(store).find(command.id()).filter(r -> r.workspaceId() == workspaceId);
          if (run.isEmpty()) {
            return SurveyMessages.noRun(command.id());
          }
          if (run.get().closedAt(now)) {
            return SurveyMessages.alreadyClosed(command.id());
          }
          closeRun.close(store, command.id(), now, now);
          return SurveyMessages.closedNow(command.id());
        });
  }
}
