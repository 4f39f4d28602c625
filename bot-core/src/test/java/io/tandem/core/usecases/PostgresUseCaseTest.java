package io.tandem.core.usecases;

import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Use cases on PostgreSQL")
@OnPostgres
class PostgresUseCaseTest extends UseCaseContract {

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.postgres();
  }
}
