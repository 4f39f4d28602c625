package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite file in {@code legacy/tandem-before-flyway.db} was written by the release before
 * Flyway (its hand-written runner brought it to V11 and recorded that in {@code schema_version}),
 * by running {@link LegacyPilot}'s commands and closing the database. Flyway must take it over
 * without losing a row.
 */
@DisplayName("A SQLite file from the release before Flyway")
class LegacyFileTakeoverTest {

  @TempDir Path dir;
  Path file;
  Database db;

  @BeforeEach
  void copyTheFile() throws IOException {
    file = dir.resolve("tandem.db");
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("legacy/tandem-before-flyway.db")) {
      Files.copy(in, file);
    }
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  @DisplayName("opens as usual: baselined at V11, current, every row of the pilot still there")
  void opensWithItsDataIntact() {
    db =
        Database.open(DatabaseSettings.of("jdbc:sqlite:" + file, null, null, 4), LegacyPilot.CLOCK);

    // only what came after the release that wrote the file is applied
    assertThat(db.migrationsAppliedAtOpen())
        .extracting(Migrations.Applied::version)
        .allMatch(version -> version > 11);
    assertThat(TakeoverContract.baseline(db.dataSource())).isEqualTo(11);
    assertThat(Migrations.of(db.dataSource(), LegacyPilot.CLOCK).isCurrent()).isTrue();
    LegacyPilot.assertIntact(db);
    assertThat(
            TakeoverContract.queryString(
                db.dataSource(), "SELECT COUNT(*) FROM " + Migrations.LEGACY_TABLE_KEPT))
        .isEqualTo("11");
  }

  @Test
  @DisplayName("goes on with the migrations that come after it")
  void laterMigrationsApplyAfterTheTakeover() {
    db =
        Database.open(
            DatabaseSettings.of("jdbc:sqlite:" + file, null, null, 4).withMigrateOnOpen(false),
            LegacyPilot.CLOCK);
    Migrations withLater =
        new Migrations(
            db.dataSource(),
            LegacyPilot.CLOCK,
            List.of(Migrations.DEFAULT_LOCATION, "db/test-later"),
            getClass().getClassLoader());
    // the release's own later migrations (after V11) and the test's V900, nothing before V12
    List<Integer> pending = withLater.pending().stream().map(Migrations.Pending::version).toList();
    assertThat(pending).allMatch(version -> version > 11).endsWith(900);

    List<Migrations.Applied> applied = withLater.migrate();

    assertThat(applied).extracting(Migrations.Applied::version).containsExactlyElementsOf(pending);
    assertThat(withLater.isCurrent()).isTrue();
    assertThat(
            TakeoverContract.queryString(db.dataSource(), "SELECT COUNT(*) FROM later_test_table"))
        .isEqualTo("0");
    LegacyPilot.assertIntact(db);
  }
}
