package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.programs.Programs;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The store's behaviour, run once per database engine by the subclasses. */
abstract class StoreContract {

  static final Instant NOW = Instant.parse("2025-03-04T09:15:30.123Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  TestDatabase testDatabase;
  Database db;

  abstract TestDatabase newTestDatabase();

  @BeforeEach
  void openDatabase() {
    testDatabase = newTestDatabase();
    db = testDatabase.open(CLOCK);
  }

  @AfterEach
  void closeDatabase() {
    testDatabase.close();
  }

  @Test
  @DisplayName("opening a new database applies the migrations; a second run applies nothing")
  void migrationsApplyOnceAndAreIdempotent() {
    // GIVEN a freshly opened database
    assertThat(db.migrationsAppliedAtOpen())
        .extracting(Migrations.Applied::version, Migrations.Applied::description)
        .startsWith(org.assertj.core.groups.Tuple.tuple(1, "init"));
    assertThat(db.migrationsAppliedAtOpen()).allMatch(a -> a.appliedAt().equals(NOW));

    // WHEN migrating again, directly and by reopening
    List<Migrations.Applied> again = Migrations.migrate(db.dataSource(), CLOCK);
    Database reopened = testDatabase.open(CLOCK);

    // THEN nothing more is applied and every table is there and empty
    assertThat(again).isEmpty();
    assertThat(reopened.migrationsAppliedAtOpen()).isEmpty();
    assertThat(StoreStats.count(db, Migrations.HISTORY_TABLE))
        .isEqualTo(db.migrationsAppliedAtOpen().size());
    assertThat(StoreStats.counts(db))
        .containsOnlyKeys(StoreStats.TABLES)
        .allSatisfy((t, n) -> assertThat(n).isZero());
  }

  @Test
  @DisplayName("with migration on open switched off, migrate applies the scripts later")
  void migrateOnOpenCanBeSwitchedOff() {
    TestDatabase fresh = newTestDatabase();
    try {
      Database unmigrated = fresh.open(fresh.settings().withMigrateOnOpen(false), CLOCK);
      assertThat(unmigrated.migrationsAppliedAtOpen()).isEmpty();

      List<Migrations.Applied> applied = Migrations.migrate(unmigrated.dataSource(), CLOCK);

      assertThat(applied).extracting(Migrations.Applied::version).startsWith(1);
      assertThat(StoreStats.count(unmigrated, "workspace")).isZero();
    } finally {
      fresh.close();
    }
  }

  @Test
  @DisplayName("a migration changed after it was applied fails loudly")
  void checksumMismatchFails() throws SQLException {
    // GIVEN the recorded checksum of V1 no longer matches the script
    execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");

    // WHEN / THEN migrating refuses
    assertThatThrownBy(() -> Migrations.migrate(db.dataSource(), CLOCK))
        .isInstanceOf(Migrations.MigrationException.class)
        .hasMessageContaining("V1")
        .hasMessageContaining("changed after it was applied");
    assertThatThrownBy(() -> testDatabase.open(CLOCK))
        .isInstanceOf(Migrations.MigrationException.class);
  }

  @Test
  @DisplayName("a database newer than the build is refused")
  void unknownVersionFails() throws SQLException {
    execute(
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (9999, '9999',"
            + " 'from the future', 'SQL', 'V9999__from_the_future.sql', 0, 'tandem', 0, TRUE)");

    assertThatThrownBy(() -> Migrations.migrate(db.dataSource(), CLOCK))
        .isInstanceOf(Migrations.MigrationException.class)
        .hasMessageContaining("9999")
        .hasMessageContaining("run a newer Tandem");
  }

  @Test
  @DisplayName("entities round-trip: ids assigned, instants as UTC millis, enums and booleans")
  void entitiesRoundTrip() {
    // WHEN a workspace, a program and an outbox message are stored
    long[] ids =
        db.inTransaction(
            em -> {
              Store store = new Store(em);
              Workspace w = store.add(new Workspace(Platform.DISCORD, "G1", NOW));
              Program p =
                  store.add(new Program(w.getId(), "Pilot", 7, ProgramStatus.OPEN, true, NOW));
              OutboxMessage o =
                  store.add(
                      new OutboxMessage(
                          w.getId(), "k:1", Platform.DISCORD, "U1", null, "{}", NOW, NOW));
              return new long[] {w.getId(), p.getId(), o.getId()};
            });

    // THEN a new transaction reads them back exactly
    db.inTransaction(
        em -> {
          Store store = new Store(em);
          Workspace w = Workspaces.in(store).find(Platform.DISCORD, "G1").orElseThrow();
          assertThat(w.getId()).isEqualTo(ids[0]);
          assertThat(w.getCreatedAt()).isEqualTo(NOW);
          Program p = Programs.in(store).defaultOf(w.getId()).orElseThrow();
          assertThat(p.getId()).isEqualTo(ids[1]);
          assertThat(p.isDefaultProgram()).isTrue();
          assertThat(p.getStatus()).isEqualTo(ProgramStatus.OPEN);
          assertThat(p.getCadenceDays()).isEqualTo(7);
          assertThat(Programs.in(store).named(w.getId(), "  pilot ")).contains(p);
          assertThat(store.outboxKeyExists("k:1")).isTrue();
          OutboxMessage o = em.find(OutboxMessage.class, ids[2]);
          assertThat(o.getState()).isEqualTo(OutboxMessage.State.QUEUED);
          assertThat(o.getNotBefore()).isEqualTo(NOW);
          assertThat(o.getDeliveredAt()).isNull();
          return null;
        });
    assertThat(queryLong("SELECT created_at FROM workspace")).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  @DisplayName("a transaction that throws midway leaves no rows at all")
  void failedTransactionLeavesNothing() {
    // WHEN state, a signal and an outbox row are written and flushed, then the work fails
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em -> {
                      Store store = new Store(em);
                      Workspace w = store.add(new Workspace(Platform.SLACK, "T1", NOW));
                      store.add(
                          new Signal(
                              w.getId(),
                              SignalType.PARTICIPANT_JOINED,
                              null,
                              null,
                              null,
                              null,
                              NOW,
                              "{}"));
                      store.add(
                          new OutboxMessage(
                              w.getId(), "welcome:1", Platform.SLACK, "U1", null, "{}", NOW, NOW));
                      store.flush();
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");

    // THEN nothing of it is stored
    assertThat(StoreStats.counts(db)).allSatisfy((table, n) -> assertThat(n).isZero());
  }

  @Test
  @DisplayName("a unique-key violation at commit rolls back the whole transaction")
  void constraintViolationRollsBack() {
    db.inTransaction(em -> new Store(em).add(new Workspace(Platform.SLACK, "T1", NOW)));

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em -> {
                      Store store = new Store(em);
                      Workspace other = store.add(new Workspace(Platform.SLACK, "T2", NOW));
                      store.add(
                          new Signal(
                              other.getId(),
                              SignalType.STATUS_VIEWED,
                              null,
                              null,
                              null,
                              null,
                              NOW,
                              "{}"));
                      return store.add(new Workspace(Platform.SLACK, "T1", NOW));
                    }))
        .isInstanceOf(RuntimeException.class)
        .matches(Conflicts::isConflict, "is recognised as a conflict");

    assertThat(StoreStats.count(db, "workspace")).isEqualTo(1);
    assertThat(StoreStats.count(db, "signal")).isZero();
  }

  @Test
  @DisplayName(
      "a reads-first transaction reads its flushed writes, commits them together, and"
          + " a failure after a flush leaves none")
  void readsFirstWritesAtomically() {
    // WHEN a reads-first transaction writes, flushes, reads its write back, then fails
    assertThatThrownBy(
            () ->
                db.readsFirst(
                    store -> {
                      store.add(new Workspace(Platform.SLACK, "T1", NOW));
                      store.flush();
                      assertThat(Workspaces.in(store).find(Platform.SLACK, "T1")).isPresent();
                      store.add(new Workspace(Platform.SLACK, "T2", NOW));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    // THEN nothing of it is stored
    assertThat(StoreStats.count(db, "workspace")).isZero();

    // WHEN one reads first and then writes two rows
    db.readsFirst(
        store -> {
          assertThat(Workspaces.in(store).find(Platform.SLACK, "T1")).isEmpty();
          store.add(new Workspace(Platform.SLACK, "T1", NOW));
          return store.add(new Workspace(Platform.SLACK, "T2", NOW));
        });

    // THEN both are stored
    assertThat(StoreStats.count(db, "workspace")).isEqualTo(2);
  }

  @Test
  @DisplayName("many rows in one transaction cross id preallocation blocks")
  void batchInsertAcrossAllocationBlocks() {
    db.inTransaction(
        em -> {
          Store store = new Store(em);
          Workspace w = store.add(new Workspace(Platform.SLACK, "T1", NOW));
          for (int i = 0; i < 250; i++) {
            store.add(
                new Signal(
                    w.getId(),
                    SignalType.STATUS_VIEWED,
                    null,
                    null,
                    null,
                    null,
                    NOW,
                    Json.object(Map.of("i", i))));
          }
          return null;
        });

    assertThat(StoreStats.count(db, "signal")).isEqualTo(250);
    assertThat(queryLong("SELECT COUNT(DISTINCT id) FROM signal")).isEqualTo(250);
  }

  @Test
  @DisplayName("transactions cannot be nested")
  void nestedTransactionsAreRefused() {
    assertThatThrownBy(() -> db.inTransaction(em -> db.inTransaction(inner -> 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nested");
    // and the database is usable afterwards
    int result = db.inTransaction(em -> 2);
    assertThat(result).isEqualTo(2);
  }

  @Test
  @DisplayName("row counts are only given for known tables")
  void storeStatsRejectsUnknownTables() {
    assertThatThrownBy(() -> StoreStats.count(db, "workspace; DROP TABLE member"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  void execute(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  long queryLong(String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
