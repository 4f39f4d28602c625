package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SQLite's log is checkpointed beside the commits, not in them")
class WalCheckpointerTest {

  private static final int ROW_BYTES = 64 * 1024;

  @TempDir Path dir;

  @Test
  @DisplayName("no commit checkpoints, and what was committed reaches the database file anyway")
  void committedRowsReachTheFile() throws Exception {
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      Database db = test.open(Clock.systemUTC());
      Path file = Path.of(test.url().substring(SqliteUrls.PREFIX.length()));
      try (Connection c = db.dataSource().getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
        rs.next();
        assertThat(rs.getInt(1)).as("pages before a commit checkpoints").isZero();
      }
      long before = Files.size(file);
      // 8 MB: SQLite's own checkpoint (every 1000 pages) would have run in a commit twice
      writeRows(db, new ReentrantLock(), 128);

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(Files.size(file)).isGreaterThan(before + 128L * ROW_BYTES));
    }
  }

  @Test
  @DisplayName("the log starts over again and again while commits keep arriving")
  void logStaysBounded() throws Exception {
    // the writers queue on a fair lock, as the Database's transactions do
    ReentrantLock writers = new ReentrantLock(true);
    try (TestDatabase test = TestDatabase.sqlite(dir)) {
      Database db = test.open(Clock.systemUTC());
      Path wal = Path.of(test.url().substring(SqliteUrls.PREFIX.length()) + "-wal");
      writeRows(db, writers, 1);
      int first = restarts(wal);
      try (WalCheckpointer checkpointer =
          WalCheckpointer.start(
              SqliteUrls.withDefaults(test.url()), writers, Duration.ofHours(1), 200)) {
        // 16 rows are 256 pages, past the 200 that make a pass hold the writers off
        for (int round = 0; round < 8; round++) {
          writeRows(db, writers, 16);
          checkpointer.pass();
        }
      }
      assertThat(restarts(wal) - first)
          .as("times the log was written from its start again")
          .isGreaterThan(2);
      assertThat(Files.size(wal))
          .as("the log holds a few rounds of writes at most, not all eight")
          .isLessThan(4L * 16 * (ROW_BYTES + 8192));
    }
  }

  /** The log's checkpoint sequence number (its header's bytes 12-15), counting its restarts. */
  private static int restarts(Path wal) throws IOException {
    try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(16);
      channel.read(header, 0);
      return header.getInt(12);
    }
  }

  private static void writeRows(Database db, ReentrantLock writers, int rows) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS blob_test (data BLOB)");
      }
      for (int i = 0; i < rows; i++) {
        writers.lock();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO blob_test VALUES (?)")) {
          insert.setBytes(1, new byte[ROW_BYTES]);
          insert.executeUpdate();
        } finally {
          writers.unlock();
        }
      }
    }
  }
}
