package io.tandem.core.reports;

import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Program reports on SQLite")
class SqliteReportsTest extends ReportsContract {

  @TempDir Path dir;

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
