package io.tandem.core.surveys;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** {@code survey schedule TEMPLATE WHEN [for PROGRAM]}: runs sent on a cron schedule. */
final class ScheduleSurvey {

  private final Database db;
  private final Clock clock;
  private final SurveySettings settings;

  ScheduleSurvey(Database db, Clock clock, SurveySettings settings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  Reply schedule(Actor actor, SurveyCommand.ScheduleSend command) {
    Optional<SurveyTemplate> template = settings.template(command.template());
    if (template.isEmpty()) {
      return SurveyMessages.unknownTemplate(command.template(), settings.templates().keySet());
    }
    ZoneId zone = SurveyTimes.zone(actor.timeZone());
    Instant now = SurveyTimes.now(clock);
    Instant next;
    try {
      next = SurveyTimes.nextFire(command.cron(), zone, now);
    } catch (IllegalArgumentException e) {
      return SurveyMessages.neverFires();
    }
    return db.transactionRetryingConflicts(
        store -> {
          Optional<Program> program = ProgramLookup.inChat(store, actor, command.program());
          if (program.isEmpty()) {
            return SurveyMessages.noProgram(command.program());
          }
          SurveySchedule schedule =
              SurveySchedules.in(store)
                  .add(
                      new SurveySchedule(
                          program.get().getWorkspaceId(),
                          program.get().getId(),
                          template.get().id(),
                          command.spec(),
                          command.cron(),
                          zone,
                          next,
                          now));
          return SurveyMessages.scheduled(template.get(), program.get(), schedule);
        });
  }
}
