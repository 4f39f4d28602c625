package io.tandem.core.surveys;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code survey list}: the workspace's latest runs, its schedules and the templates. */
final class ListSurveys {

  private static final int RUNS_SHOWN = 15;

  private final Database db;
  private final Clock clock;
  private final SurveySettings settings;

  ListSurveys(Database db, Clock clock, SurveySettings settings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  Reply list(Actor actor) {
    return db.transaction(
        store -> {
          Optional<Workspace> workspace =
              Workspaces.in(store).find(actor.platform(), actor.workspaceId());
          if (workspace.isEmpty()) {
            return SurveyMessages.noSurveys();
          }
          long workspaceId = workspace.get().getId();
          Instant now = SurveyTimes.now(clock);
          SurveyInvitees invitees = SurveyInvitees.in(store);
          List<Reply.Field> fields = new ArrayList<>();
          for (SurveyRun run : SurveyRuns.in(store).latest(workspaceId, RUNS_SHOWN)) {
            fields.add(SurveyMessages.runLine(run, invitees.answeredCount(run.id()), now));
          }
          for (SurveySchedule schedule : SurveySchedules.in(store).active(workspaceId)) {
            fields.add(SurveyMessages.scheduleLine(schedule));
          }
          return SurveyMessages.list(fields, settings.templates().keySet());
        });
  }
}
