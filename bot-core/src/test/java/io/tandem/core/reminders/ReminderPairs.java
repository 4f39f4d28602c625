package io.tandem.core.reminders;

import static io.tandem.core.usecases.UseCaseFixture.participant;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveysFeature;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/** What the reminder tests start from: a fresh database and a pair made by hand. */
final class ReminderPairs {

  private ReminderPairs() {}

  /** A fresh SQLite file with every feature behind one dispatcher, and the reminder job. */
  record Setup(
      TestDatabase testDatabase,
      Database db,
      MutableClock clock,
      CommandDispatcher tandem,
      ReminderJob job) {

    /**
     * @param start what the clock reads
     * @param reminders the reminders feature on the new database and clock
     */
    static Setup open(
        Path dir, Instant start, BiFunction<Database, Clock, RemindersFeature> reminders) {
      TestDatabase testDatabase = TestDatabase.sqlite(dir);
      MutableClock clock = new MutableClock(start);
      Database db = testDatabase.open(clock);
      RemindersFeature feature = reminders.apply(db, clock);
      CommandDispatcher tandem =
          UseCaseFixture.dispatcher(
              db, clock, new SurveysFeature(db, clock, SurveySettings.defaults()), feature);
      return new Setup(testDatabase, db, clock, tandem, feature.job());
    }
  }

  /**
   * Starts the program {@code mentor} joined and pairs them with {@code mentee}, approved at {@code
   * at}; returns the pair's id.
   */
  static long inRunningProgram(Database db, Actor mentor, Actor mentee, Instant at) {
    return db.transaction(
        store -> {
          Participant a = participant(store, mentor);
          Participant b = participant(store, mentee);
          Programs.in(store).byId(a.getProgramId()).orElseThrow().moveTo(ProgramStatus.RUNNING);
          Pair pair =
              new Pair(a.getWorkspaceId(), a.getProgramId(), a.getId(), b.getId(), 1, "", at);
          pair.approve(at);
          store.add(pair);
          store.flush();
          return pair.getId();
        });
  }
}
