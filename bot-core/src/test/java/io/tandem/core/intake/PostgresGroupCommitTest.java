package io.tandem.core.intake;

import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link GroupCommitTest} on PostgreSQL. */
@DisplayName("The inbox's group commit on PostgreSQL")
@EnabledIfEnvironmentVariable(
    named = TestDatabase.PG_URL_VARIABLE,
    matches = "jdbc:postgresql:.*",
    disabledReason = "set TANDEM_TEST_PG_URL to a PostgreSQL JDBC URL to run")
class PostgresGroupCommitTest extends GroupCommitTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
