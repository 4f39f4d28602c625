package io.tandem.core.schedule;

import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Quartz on SQLite")
class SqliteSchedulingTest extends SchedulingContract {

  @TempDir Path dir;

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
