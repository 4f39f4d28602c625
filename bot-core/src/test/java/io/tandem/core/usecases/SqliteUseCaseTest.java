package io.tandem.core.usecases;

import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Use cases on SQLite")
class SqliteUseCaseTest extends UseCaseContract {

  @TempDir Path dir;

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
