package io.tandem.core.intake;

import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The intake's promises on PostgreSQL, where the claims of owed answers commit without waiting for
 * the disk: every {@link IntakeTest} case, each in a fresh schema.
 */
@DisplayName("The intake on PostgreSQL: stored before the ack, run once, answered once")
@EnabledIfEnvironmentVariable(
    named = TestDatabase.PG_URL_VARIABLE,
    matches = "jdbc:postgresql:.*",
    disabledReason = "set TANDEM_TEST_PG_URL to a PostgreSQL JDBC URL to run")
class PostgresIntakeTest extends IntakeTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
