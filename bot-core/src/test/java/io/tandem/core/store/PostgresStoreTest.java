package io.tandem.core.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@DisplayName("Store on PostgreSQL")
@EnabledIfEnvironmentVariable(
    named = TestDatabase.PG_URL_VARIABLE,
    matches = "jdbc:postgresql:.*",
    disabledReason = "set TANDEM_TEST_PG_URL to a PostgreSQL JDBC URL to run")
class PostgresStoreTest extends StoreContract {

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.postgres();
  }
}
