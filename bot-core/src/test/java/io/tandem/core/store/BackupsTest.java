package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem backup} and {@code tandem restore} on a real SQLite file. */
@DisplayName("Backup and restore of the SQLite file")
class BackupsTest {

  @TempDir Path dir;

  @Test
  @DisplayName("a backup taken while transactions write is a healthy file with the data")
  void backupWhileWriting() throws Exception {
    Path live = dir.resolve("live.db");
    Path copy = dir.resolve("copy.db");
    AtomicInteger written = new AtomicInteger();
    try (Database db = Database.open("jdbc:sqlite:" + live, null, null, 4, Clock.systemUTC())) {
      long workspace =
          db.inTransaction(
              em ->
                  new Store(em)
                      .add(
                          new Workspace(io.tandem.core.port.in.Platform.SLACK, "T1", Instant.now()))
                      .getId());
      ExecutorService writer = Executors.newSingleThreadExecutor();
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch writing = new CountDownLatch(50);
      Future<?> writes =
          writer.submit(
              () -> {
                while (!stop.get()) {
                  db.inTransaction(
                      em ->
                          new Store(em)
                              .add(
                                  new Signal(
                                      workspace,
                                      SignalType.MEMBER_LEFT,
                                      null,
                                      null,
                                      null,
                                      null,
                                      Instant.now(),
                                      "{}")));
                  written.incrementAndGet();
                  writing.countDown();
                }
              });
      assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

      Backups.Copied copied = Backups.backup(db, copy);

      int atBackup = written.get();
      writing.await();
      stop.set(true);
      writes.get(30, TimeUnit.SECONDS);
      writer.shutdown();
      assertThat(copied.bytes()).isPositive();
      assertThat(copied.schemaVersion()).isGreaterThanOrEqualTo(12);
      assertThat(Backups.check(copy)).hasValue(copied.schemaVersion());
      long signals = count(copy, "signal");
      assertThat(signals).isBetween(50L, (long) atBackup + 1);
      assertThat(count(copy, "workspace")).isEqualTo(1);
      // a second backup to the same file is refused, not overwritten
      assertThatThrownBy(() -> Backups.backup(db, copy))
          .isInstanceOf(Backups.BackupException.class)
          .hasMessageContaining("exists already");
    }
  }

  @Test
  @DisplayName("restore refuses while the database is open, then swaps in the backup")
  void restore() throws Exception {
    Path live = dir.resolve("tandem.db");
    Path copy = dir.resolve("backup.db");
    String url = "jdbc:sqlite:" + live;
    Database db = Database.open(url, null, null, 2, Clock.systemUTC());
    db.inTransaction(
        em ->
            new Store(em)
                .add(new Workspace(io.tandem.core.port.in.Platform.SLACK, "T_OLD", Instant.now())));
    Backups.backup(db, copy);
    db.inTransaction(
        em ->
            new Store(em)
                .add(new Workspace(io.tandem.core.port.in.Platform.SLACK, "T_NEW", Instant.now())));

    assertThatThrownBy(() -> Backups.restore(url, copy, 100, Clock.systemUTC()))
        .isInstanceOf(Backups.BackupException.class)
        .hasMessageContaining("stop it first");
    db.close();

    assertThatThrownBy(() -> Backups.restore(url, copy, 11, Clock.systemUTC()))
        .hasMessageContaining("newer than this Tandem knows");
    Path junk = Files.writeString(dir.resolve("junk.db"), "not a database at all, just text");
    assertThatThrownBy(() -> Backups.restore(url, junk, 100, Clock.systemUTC()))
        .hasMessageContaining("not a readable SQLite database");
    assertThatThrownBy(
            () -> Backups.restore("jdbc:postgresql://db/tandem", copy, 100, Clock.systemUTC()))
        .hasMessageContaining("pg_dump");
    assertThat(count(live, "workspace")).isEqualTo(2);

    Backups.Restored restored = Backups.restore(url, copy, 100, Clock.systemUTC());

    assertThat(restored.database()).isEqualTo(live.toAbsolutePath());
    assertThat(count(live, "workspace")).isEqualTo(1);
    assertThat(count(restored.previous(), "workspace")).isEqualTo(2);
  }

  private static long count(Path file, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
