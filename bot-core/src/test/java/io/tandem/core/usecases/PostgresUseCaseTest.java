package io.tandem.core.usecases;

import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@DisplayName("Use cases on PostgreSQL")
@EnabledIfEnvironmentVariable(
    named = TestDatabase.PG_URL_VARIABLE,
    matches = "jdbc:postgresql:.*",
    disabledReason = "set TANDEM_TEST_PG_URL to a PostgreSQL JDBC URL to run")
class PostgresUseCaseTest extends UseCaseContract {

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.postgres();
  }
}
