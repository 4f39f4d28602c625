package io.tandem.core.enrolment;

import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Members leaving and returning, on SQLite")
class SqliteMembershipTest extends MembershipContract {

  @TempDir Path dir;

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
