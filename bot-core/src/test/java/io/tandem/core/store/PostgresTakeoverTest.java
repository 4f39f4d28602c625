package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Taking over the earlier runner's schema on PostgreSQL")
@OnPostgres
class PostgresTakeoverTest extends TakeoverContract {

  @Override
  TestDatabase newTestDatabase() {
    return TestDatabase.postgres();
  }

  @Test
  @DisplayName("two instances starting at once on an earlier runner's database both come up")
  void twoInstancesTakeOverAtOnce() throws Exception {
    LegacyRunner.migrate(legacy.dataSource(), 6);
    execute(
        "INSERT INTO workspace (id, platform, external_id, created_at) VALUES (7, 'SLACK', 'T_OLD', 0)");

    List<Database> both = startTwoAtOnce();

    assertThat(both).hasSize(2);
    assertThat(both)
        .flatExtracting(Database::migrationsAppliedAtOpen)
        .extracting(Migrations.Applied::version)
        .as("each later script applied by exactly one of them")
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(7, newestVersion()).boxed().toList());
    assertThat(baseline(legacy.dataSource())).isEqualTo(6);
    assertThat(count(Migrations.HISTORY_TABLE)).isEqualTo(1 + newestVersion() - 6);
    assertThat(queryLong("SELECT COUNT(*) FROM workspace WHERE external_id = 'T_OLD'")).isOne();
  }

  @Test
  @DisplayName("two instances starting at once on an empty database both come up")
  void twoInstancesMigrateAtOnce() throws Exception {
    List<Database> both = startTwoAtOnce();

    assertThat(both)
        .flatExtracting(Database::migrationsAppliedAtOpen)
        .extracting(Migrations.Applied::version)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, newestVersion()).boxed().toList());
    assertThat(count(Migrations.HISTORY_TABLE)).isEqualTo(newestVersion());
  }

  private List<Database> startTwoAtOnce() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Database>> starts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        starts.add(
            pool.submit(
                () -> {
                  go.await();
                  return testDatabase.open(testDatabase.settings(), LegacyPilot.CLOCK);
                }));
      }
      go.countDown();
      List<Database> opened = new ArrayList<>();
      for (Future<Database> start : starts) {
        opened.add(start.get(2, TimeUnit.MINUTES));
      }
      return opened;
    } finally {
      pool.shutdownNow();
    }
  }
}
