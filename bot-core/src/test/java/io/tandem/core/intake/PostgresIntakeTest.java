package io.tandem.core.intake;

import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;

/**
 * The intake's promises on PostgreSQL, where the claims of owed answers commit without waiting for
 * the disk: every {@link IntakeTest} case, each in a fresh schema.
 */
@DisplayName("The intake on PostgreSQL: stored before the ack, run once, answered once")
@OnPostgres
class PostgresIntakeTest extends IntakeTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
