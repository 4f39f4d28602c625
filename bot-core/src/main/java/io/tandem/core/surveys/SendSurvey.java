package io.tandem.core.surveys;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.util.Optional;

/** {@code survey send TEMPLATE [program]}: a run now, to the program's audience. */
final class SendSurvey {

  private final Database db;
  private final Clock clock;
  private final SurveySettings settings;
  private final OpenRun openRun;

  SendSurvey(Database db, Clock clock, SurveySettings settings, OpenRun openRun) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
    this.openRun = openRun;
  }

  Reply send(Actor actor, SurveyCommand.Send command) {
    Optional<SurveyTemplate> template = settings.template(command.template());
    if (template.isEmpty()) {
      return SurveyMessages.unknownTemplate(command.template(), settings.templates().keySet());
    }
    return db.transactionRetryingConflicts(
        store -> {
          Optional<Program> program = ProgramLookup.inChat(store, actor, command.program());
          if (program.isEmpty()) {
            return SurveyMessages.noProgram(command.program());
          }
          return openRun
              .open(store, program.get(), template.get(), SurveyTimes.now(clock), null)
              .map(run -> SurveyMessages.sent(run, program.get()))
              .orElseGet(() -> SurveyMessages.nobodyInAudience(program.get(), template.get()));
        });
  }
}
