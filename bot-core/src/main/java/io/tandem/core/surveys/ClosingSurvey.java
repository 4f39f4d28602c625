package io.tandem.core.surveys;

import io.tandem.core.programs.ClosingStep;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a program closes at the end of its length, the end-of-program survey goes to its people, if
 * this Tandem has that template; once per program.
 */
public final class ClosingSurvey implements ClosingStep {

  /** The template sent at a program's end. */
  public static final String TEMPLATE = "end-of-program";

  private final Database db;
  private final SurveySettings settings;
  private final OpenRun openRun;

  ClosingSurvey(Database db, SurveySettings settings, OpenRun openRun) {
    this.db = Objects.requireNonNull(db, "db");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.openRun = Objects.requireNonNull(openRun, "openRun");
  }

  @Override
  public void programClosed(long programId, Instant at) {
    Optional<SurveyTemplate> template = settings.template(TEMPLATE);
    if (template.isEmpty()) {
      return;
    }
    db.transactionRetryingConflicts(
        store -> {
          Optional<Program> program = Programs.in(store).byId(programId);
          if (program.isEmpty() || program.get().getEndedAt() == null) {
            return null;
          }
          boolean sent =
              SurveyRuns.in(store)
                  .openedIn(programId, program.get().getEndedAt(), at.plus(Duration.ofDays(1)))
                  .stream()
                  .anyMatch(r -> r.templateId().equals(TEMPLATE));
          if (!sent) {
            openRun.open(store, program.get(), template.get(), at, null);
          }
          return null;
        });
  }
}
