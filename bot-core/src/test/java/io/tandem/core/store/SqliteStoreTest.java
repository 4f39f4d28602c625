package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store on SQLite")
class SqliteStoreTest extends StoreContract {

  @TempDir Path dir;

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.sqlite(dir);
  }

  @Test
  @DisplayName("SQLite URLs get WAL, busy timeout and immediate transactions unless set")
  void sqliteUrlDefaults() {
    assertThat(Database.sqliteUrl("jdbc:sqlite:/tmp/x.db"))
        .isEqualTo(
            "jdbc:sqlite:/tmp/x.db?busy_timeout=10000&journal_mode=WAL"
                + "&transaction_mode=IMMEDIATE&synchronous=NORMAL&foreign_keys=true"
                + "&wal_autocheckpoint=0");
    assertThat(Database.sqliteUrl("jdbc:sqlite:/tmp/x.db?busy_timeout=500&synchronous=FULL"))
        .isEqualTo(
            "jdbc:sqlite:/tmp/x.db?busy_timeout=500&synchronous=FULL&journal_mode=WAL"
                + "&transaction_mode=IMMEDIATE&foreign_keys=true&wal_autocheckpoint=0");
  }

  @Test
  @DisplayName("SQLite in-memory databases are refused with a reason")
  void inMemoryIsRefused() {
    for (String url :
        new String[] {
          "jdbc:sqlite::memory:",
          "jdbc:sqlite:",
          "jdbc:sqlite:file::memory:?cache=shared",
          "jdbc:sqlite:file:x?mode=memory"
        }) {
      assertThatThrownBy(() -> Database.sqliteUrl(url))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("in-memory");
    }
  }

  @Test
  @DisplayName("the database really runs in WAL mode")
  void walIsOn() throws Exception {
    try (var c = db.dataSource().getConnection();
        var st = c.createStatement();
        var rs = st.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }
}
