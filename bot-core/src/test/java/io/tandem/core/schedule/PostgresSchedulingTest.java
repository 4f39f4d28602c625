package io.tandem.core.schedule;

import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Quartz on PostgreSQL, clustered")
@OnPostgres
class PostgresSchedulingTest extends SchedulingContract {

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.postgres();
  }
}
