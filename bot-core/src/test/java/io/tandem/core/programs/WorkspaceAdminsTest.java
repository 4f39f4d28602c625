package io.tandem.core.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.enrolment.Workspace;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admins a workspace remembers, on a real SQLite file and, when configured, PostgreSQL. */
@DisplayName("Admins seen in a workspace")
class WorkspaceAdminsTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  TestDatabase testDatabase;
  ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void close() {
    threads.shutdownNow();
    testDatabase.close();
  }

  @Test
  @DisplayName("each admin is remembered once, and they are listed first seen first")
  void onceEach() {
    testDatabase = TestDatabase.sqlite(dir);
    Database db = testDatabase.open(CLOCK);
    long workspace = workspace(db);

    // WHEN Maya acts as an admin twice and Lee, seen an hour earlier, once
    boolean first = record(db, workspace, "U0MAYA", NOW);
    boolean again = record(db, workspace, "U0MAYA", NOW.plusSeconds(60));
    record(db, workspace, "U0LEE", NOW.minusSeconds(3600));

    // THEN Maya was new once, and help requests go to Lee first, then Maya
    assertThat(first).isTrue();
    assertThat(again).isFalse();
    List<String> admins = db.transaction(store -> WorkspaceAdmins.in(store).of(workspace));
    assertThat(admins).containsExactly("U0LEE", "U0MAYA");
    assertThat(UseCaseFixture.rows(db, "SELECT first_seen_at FROM workspace_admin"))
        .contains(Long.toString(NOW.toEpochMilli()));
  }

  @Test
  @DisplayName("two requests recording the same admin at once both succeed, with one row stored")
  void concurrentOnSqlite() throws Exception {
    testDatabase = TestDatabase.sqlite(dir);
    Database db = testDatabase.open(CLOCK);
    long workspace = workspace(db);

    List<Boolean> recorded =
        race(
            () -> record(db, workspace, "U0MAYA", NOW), () -> record(db, workspace, "U0MAYA", NOW));

    assertThat(recorded).containsExactlyInAnyOrder(true, false);
    assertThat(UseCaseFixture.rows(db, "SELECT user_id FROM workspace_admin"))
        .containsExactly("U0MAYA");
  }

  @Test
  @DisplayName("two instances that both saw no row record the same admin: both succeed, one row")
  @OnPostgres
  void concurrentInstancesOnPostgres() throws Exception {
    testDatabase = TestDatabase.postgres();
    Database a = testDatabase.open(CLOCK);
    Database b = testDatabase.open(CLOCK);
    long workspace = workspace(a);
    // both transactions have looked and found nothing before either commits
    CyclicBarrier bothLooked = new CyclicBarrier(2);
    AtomicInteger attempts = new AtomicInteger();

    List<Boolean> recorded =
        race(
            () -> recordAfterBoth(a, workspace, bothLooked, attempts),
            () -> recordAfterBoth(b, workspace, bothLooked, attempts));

    assertThat(attempts).as("the loser ran again").hasValue(3);
    assertThat(recorded).containsExactlyInAnyOrder(true, false);
    assertThat(UseCaseFixture.rows(a, "SELECT user_id FROM workspace_admin"))
        .containsExactly("U0MAYA");
  }

  private static boolean recordAfterBoth(
      Database db, long workspace, CyclicBarrier bothLooked, AtomicInteger attempts) {
    return db.transactionRetryingConflicts(
        store -> {
          boolean isNew = WorkspaceAdmins.in(store).record(workspace, "U0MAYA", NOW);
          if (attempts.incrementAndGet() <= 2) {
            try {
              bothLooked.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
          return isNew;
        });
  }

  private List<Boolean> race(Supplier<Boolean> one, Supplier<Boolean> other) throws Exception {
    Future<Boolean> first = threads.submit(one::get);
    Future<Boolean> second = threads.submit(other::get);
    return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
  }

  /** Records as the app does: a conflict with another transaction runs the work again. */
  private static boolean record(Database db, long workspace, String userId, Instant at) {
    return db.transactionRetryingConflicts(
        store -> WorkspaceAdmins.in(store).record(workspace, userId, at));
  }

  private static long workspace(Database db) {
    return db.transaction(store -> store.add(new Workspace(Platform.SLACK, "T_ACME", NOW)).getId());
  }
}
