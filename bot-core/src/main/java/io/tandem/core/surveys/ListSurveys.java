package io.tandem.core.surveys;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Admins;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * {@code survey list}: the workspace's latest runs, its schedules and the templates. A program
 * admin sees the runs and schedules of the programs they administer; anyone else is refused.
 */
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
    return db.readsFirst(
        store -> {
          if (!AdminRights.isAnyAdmin(store, actor)) {
            return Admins.refuse(actor, "survey list").orElseThrow();
          }
          Optional<Workspace> workspace =
              Workspaces.in(store).find(actor.platform(), actor.workspaceId());
          if (workspace.isEmpty()) {
            return SurveyMessages.noSurveys();
          }
          long workspaceId = workspace.get().getId();
          Instant now = SurveyTimes.now(clock);
          LongPredicate shown = shownPrograms(store, actor);
          SurveyInvitees invitees = SurveyInvitees.in(store);
          List<Reply.Field> fields = new ArrayList<>();
          for (SurveyRun run : SurveyRuns.in(store).latest(workspaceId, RUNS_SHOWN)) {
            if (shown.test(run.programId())) {
              fields.add(SurveyMessages.runLine(run, invitees.answeredCount(run.id()), now));
            }
          }
          for (SurveySchedule schedule : SurveySchedules.in(store).active(workspaceId)) {
            if (shown.test(schedule.programId())) {
              fields.add(SurveyMessages.scheduleLine(schedule));
            }
          }
          return SurveyMessages.list(fields, settings.templates().keySet());
        });
  }

  /** Every program for a workspace admin; a program admin's own programs otherwise. */
  private static LongPredicate shownPrograms(Store store, Actor actor) {
    if (actor.admin()) {
      return id -> true;
    }
    Set<Long> mine =
        AdminRights.administered(store, actor).stream()
            .map(Program::getId)
            .collect(Collectors.toSet());
    return mine::contains;
  }
}
