package io.tandem.core.intake;

import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;

/** {@link GroupCommitTest} on PostgreSQL. */
@DisplayName("The inbox's group commit on PostgreSQL")
@OnPostgres
class PostgresGroupCommitTest extends GroupCommitTest {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
