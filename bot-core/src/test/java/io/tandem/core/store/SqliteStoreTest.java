package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Platform;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

  @Test
  @DisplayName(
      "a reads-first transaction reads while another holds the write lock, and writes"
          + " once it is free")
  void readsFirstReadsBesideTheWriter() throws Exception {
    db.inTransaction(em -> new Store(em).add(new Workspace(Platform.SLACK, "T1", NOW)));
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch finishWriting = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      // GIVEN a transaction that holds SQLite's write lock, its row not yet committed
      CompletableFuture<Workspace> writer =
          CompletableFuture.supplyAsync(
              () ->
                  db.inTransaction(
                      em -> {
                        Workspace w = new Store(em).add(new Workspace(Platform.SLACK, "T2", NOW));
                        new Store(em).flush();
                        writing.countDown();
                        await(finishWriting);
                        return w;
                      }),
              threads);
      await(writing);

      // WHEN a reads-first transaction reads, through EclipseLink and through plain JDBC
      Optional<Workspace> read =
          CompletableFuture.supplyAsync(
                  () ->
                      db.readsFirst(
                          store ->
                              Workspaces.in(store)
                                  .find(Platform.SLACK, "T1")
                                  .filter(
                                      w ->
                                          Workspaces.in(store).find(Platform.SLACK, "T2").isEmpty())
                                  // a plain JDBC lookup too
                                  .filter(w -> !store.outboxKeyExists("welcome:1"))),
                  threads)
              // THEN it is answered while the writer still holds the lock, from committed rows
              .get(10, TimeUnit.SECONDS);
      assertThat(read).isPresent();
      assertThat(writer).isNotDone();

      // WHEN a reads-first transaction writes too, THEN it commits after the writer
      CompletableFuture<Workspace> second =
          CompletableFuture.supplyAsync(
              () -> db.readsFirst(store -> store.add(new Workspace(Platform.SLACK, "T3", NOW))),
              threads);
      finishWriting.countDown();
      second.get(10, TimeUnit.SECONDS);
      writer.get(10, TimeUnit.SECONDS);
      assertThat(StoreStats.count(db, "workspace")).isEqualTo(3);
    } finally {
      finishWriting.countDown();
      threads.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
