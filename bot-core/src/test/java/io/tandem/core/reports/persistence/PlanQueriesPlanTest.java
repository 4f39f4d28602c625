package io.tandem.core.reports.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.store.Database;
import io.tandem.core.store.QueryPlans;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's tasks, usefulness and events each read one program through indexes: none of them
 * reads the signal, session, note, pair or task table from end to end.
 */
@DisplayName("Tasks, usefulness and events queries use indexes")
class PlanQueriesPlanTest {

  @TempDir Path dir;

  @Test
  @DisplayName("no full scan of a large table in any of the three queries (SQLite)")
  void noFullScans() throws Exception {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      Database db = test.open(Clock.systemUTC());
      assertThat(QueryPlans.fullScans(db, PlanQueries.TASKS_BY_PAIR)).isEmpty();
      assertThat(QueryPlans.fullScans(db, PlanQueries.USEFULNESS_BY_PAIR)).isEmpty();
      assertThat(QueryPlans.fullScans(db, PlanQueries.signalsBySlot(6))).isEmpty();
    }
  }
}
