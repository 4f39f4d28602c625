package io.tandem.core.enrolment;

import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Members leaving and returning, on PostgreSQL")
@OnPostgres
class PostgresMembershipTest extends MembershipContract {

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.postgres();
  }
}
