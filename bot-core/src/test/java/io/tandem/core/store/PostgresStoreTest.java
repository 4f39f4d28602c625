package io.tandem.core.store;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Store on PostgreSQL")
@OnPostgres
class PostgresStoreTest extends StoreContract {

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.postgres();
  }
}
