package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Flyway taking over a database whose schema Tandem's earlier runner built, run once per engine by
 * the subclasses. The schema is built with {@link LegacyRunner}; the test on the file kept from
 * that release is {@link LegacyFileTakeoverTest}.
 */
abstract class TakeoverContract {

  TestDatabase testDatabase;

  /** Opened without migrating, as an operator's database is before the new release starts. */
  Database legacy;

  abstract TestDatabase newTestDatabase();

  @BeforeEach
  void openUnmigrated() {
    testDatabase = newTestDatabase();
    legacy = testDatabase.open(testDatabase.settings().withMigrateOnOpen(false), LegacyPilot.CLOCK);
  }

  @AfterEach
  void closeDatabase() {
    testDatabase.close();
  }

  @Test
  @DisplayName("a current database with a pilot in it is taken over at its version, data intact")
  void currentLegacyDatabaseIsTakenOver() {
    LegacyRunner.migrate(legacy.dataSource(), newestVersion());
    LegacyPilot.build(legacy);

    List<Migrations.Applied> applied = Migrations.migrate(legacy.dataSource(), LegacyPilot.CLOCK);

    assertThat(applied).isEmpty();
    assertThat(baseline(legacy.dataSource())).isEqualTo(newestVersion());
    assertThat(Migrations.of(legacy.dataSource(), LegacyPilot.CLOCK).isCurrent()).isTrue();
    LegacyPilot.assertIntact(legacy);
    assertThat(count(Migrations.LEGACY_TABLE_KEPT)).isEqualTo(newestVersion());
  }

  @Test
  @DisplayName("an older database is baselined where the earlier runner stopped, then migrated on")
  void olderLegacyDatabaseGoesOnMigrating() throws SQLException {
    LegacyRunner.migrate(legacy.dataSource(), 6);
    execute(
        "INSERT INTO workspace (id, platform, external_id, created_at) VALUES (7, 'SLACK', 'T_OLD', 0)");
    assertThat(Migrations.of(legacy.dataSource(), LegacyPilot.CLOCK).pending())
        .extracting(Migrations.Pending::version)
        .containsExactlyElementsOf(IntStream.rangeClosed(7, newestVersion()).boxed().toList());

    List<Migrations.Applied> applied = Migrations.migrate(legacy.dataSource(), LegacyPilot.CLOCK);

    assertThat(applied)
        .extracting(Migrations.Applied::version)
        .containsExactlyElementsOf(IntStream.rangeClosed(7, newestVersion()).boxed().toList());
    assertThat(baseline(legacy.dataSource())).isEqualTo(6);
    assertThat(queryLong("SELECT COUNT(*) FROM workspace WHERE external_id = 'T_OLD'")).isOne();
    assertThat(Migrations.migrate(legacy.dataSource(), LegacyPilot.CLOCK)).isEmpty();
  }

  @Test
  @DisplayName("checking whether a database is current changes nothing, not even a takeover")
  void pendingIsReadOnly() {
    LegacyRunner.migrate(legacy.dataSource(), newestVersion() - 2);

    Migrations migrations = Migrations.of(legacy.dataSource(), LegacyPilot.CLOCK);

    assertThat(migrations.isCurrent()).isFalse();
    assertThat(migrations.pending())
        .extracting(Migrations.Pending::version)
        .containsExactly(newestVersion() - 1, newestVersion());
    assertThat(tableExists(Migrations.HISTORY_TABLE)).isFalse();
    assertThat(count(Migrations.LEGACY_TABLE)).isEqualTo(newestVersion() - 2);
  }

  @Test
  @DisplayName("on an empty database every script is pending, and asking creates nothing")
  void pendingOnAnEmptyDatabaseIsReadOnly() {
    Migrations migrations = Migrations.of(legacy.dataSource(), LegacyPilot.CLOCK);

    assertThat(migrations.pending())
        .extracting(Migrations.Pending::version)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, newestVersion()).boxed().toList());
    assertThat(tableExists(Migrations.HISTORY_TABLE)).isFalse();
    assertThat(tableExists("workspace")).isFalse();

    migrations.migrate();
    assertThat(migrations.isCurrent()).isTrue();
  }

  @Test
  @DisplayName(
      "an earlier history whose script was changed afterwards is refused, nothing taken over")
  void changedLegacyScriptIsRefused() throws SQLException {
    LegacyRunner.migrate(legacy.dataSource(), newestVersion());
    execute("UPDATE schema_version SET checksum = 'not-the-real-checksum' WHERE version = 3");

    assertThatThrownBy(() -> Migrations.migrate(legacy.dataSource(), LegacyPilot.CLOCK))
        .isInstanceOf(Migrations.MigrationException.class)
        .hasMessageContaining("V3")
        .hasMessageContaining("changed after it was applied");
    assertThat(tableExists(Migrations.HISTORY_TABLE)).isFalse();
    assertThat(tableExists(Migrations.LEGACY_TABLE)).isTrue();
  }

  @Test
  @DisplayName("an earlier history from a newer Tandem is refused")
  void newerLegacyDatabaseIsRefused() throws SQLException {
    LegacyRunner.migrate(legacy.dataSource(), newestVersion());
    execute("INSERT INTO schema_version VALUES (99, 'from the future', 'x', 0)");

    assertThatThrownBy(() -> Migrations.migrate(legacy.dataSource(), LegacyPilot.CLOCK))
        .isInstanceOf(Migrations.MigrationException.class)
        .hasMessageContaining("99")
        .hasMessageContaining("run a newer Tandem");
    assertThatThrownBy(() -> Migrations.of(legacy.dataSource(), LegacyPilot.CLOCK).isCurrent())
        .isInstanceOf(Migrations.MigrationException.class);
    assertThat(tableExists(Migrations.HISTORY_TABLE)).isFalse();
  }

  @Test
  @DisplayName("a script that fails takes the scripts applied with it back: the schema stays empty")
  void failingScriptLeavesNothingHalfApplied() {
    Migrations withFailing =
        new Migrations(
            legacy.dataSource(),
            LegacyPilot.CLOCK,
            List.of(Migrations.DEFAULT_LOCATION, "db/test-failing"),
            getClass().getClassLoader());

    assertThatThrownBy(withFailing::migrate)
        .isInstanceOf(Migrations.MigrationException.class)
        .hasMessageContaining("no_such_table");

    assertThat(tableExists("workspace")).isFalse();
    assertThat(tableExists("failing_test_table")).isFalse();
    assertThat(Migrations.of(legacy.dataSource(), LegacyPilot.CLOCK).pending())
        .hasSize(newestVersion());
    assertThat(Migrations.migrate(legacy.dataSource(), LegacyPilot.CLOCK)).hasSize(newestVersion());
  }

  static int newestVersion() {
    return LegacyRunner.newestVersion();
  }

  /** The version Flyway's baseline row names. */
  static int baseline(DataSource dataSource) {
    return Integer.parseInt(
        queryString(
            dataSource,
            "SELECT version FROM " + Migrations.HISTORY_TABLE + " WHERE type = 'BASELINE'"));
  }

  long count(String table) {
    return queryLong("SELECT COUNT(*) FROM " + table);
  }

  boolean tableExists(String table) {
    try (Connection c = legacy.dataSource().getConnection();
        var rs = c.getMetaData().getTables(null, c.getSchema(), table, null)) {
      return rs.next();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection c = legacy.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  long queryLong(String sql) {
    return Long.parseLong(queryString(legacy.dataSource(), sql));
  }

  static String queryString(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("no row for " + sql);
      }
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
