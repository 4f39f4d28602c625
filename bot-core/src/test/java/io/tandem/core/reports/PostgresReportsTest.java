package io.tandem.core.reports;

import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Program reports on PostgreSQL")
@OnPostgres
class PostgresReportsTest extends ReportsContract {

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.postgres();
  }
}
