package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem forget}, {@code tandem backup} and {@code tandem restore} as an operator runs them.
 */
@DisplayName("tandem forget, backup and restore")
class DataCommandsTest {

  @TempDir Path dir;

  private Path config;
  private OperatorCli cli;

  @BeforeEach
  void configure() throws Exception {
    config =
        Files.writeString(
            dir.resolve("tandem.yml"),
            "database:\n  url: jdbc:sqlite:%s\n".formatted(dir.resolve("tandem.db")));
    cli = new OperatorCli(config);
    try (Database db = ImportCommandTest.open(dir)) {
      db.inTransaction(
          em -> {
            Store store = new Store(em);
            long ws = store.add(new Workspace(Platform.SLACK, "T_ACME", Instant.now())).getId();
            return store.add(new Member(ws, "U_ZED", "Zed Quist", null, Instant.now()));
          });
    }
  }

  @Test
  @DisplayName("forget erases a person once, names the workspace, and refuses what it cannot find")
  void forget() {
    assertThat(cli.run("forget", "U_ZED", "--workspace", "T_NOPE")).isEqualTo(1);
    assertThat(cli.err()).contains("T_NOPE");

    assertThat(cli.run("forget", "U_ZED", "--platform", "slack")).isZero();
    assertThat(cli.out()).contains("Erased U_ZED in slack workspace T_ACME");

    assertThat(cli.run("forget", "U_ZED")).isEqualTo(1);
    assertThat(cli.err()).contains("Tandem holds nothing about U_ZED");
    try (Database db = ImportCommandTest.open(dir)) {
      java.util.List<Object> audit =
          db.inTransaction(
              em ->
                  new java.util.ArrayList<Object>(
                      em.createNativeQuery("SELECT erased_by FROM erasure_audit").getResultList()));
      assertThat(audit).containsExactly("operator");
    }
  }

  @Test
  @DisplayName("backup writes a checked copy; restore puts it back and keeps the replaced file")
  void backupAndRestore() throws Exception {
    Path backup = dir.resolve("backup.db");

    assertThat(cli.run("backup", backup.toString())).isZero();
    assertThat(cli.out()).contains("Backed up the database to").contains("schema version");
    assertThat(backup).exists();
    assertThat(cli.run("backup", backup.toString())).isEqualTo(1);
    assertThat(cli.err()).contains("exists already");

    Files.writeString(dir.resolve("junk.db"), "not a database");
    assertThat(cli.run("restore", dir.resolve("junk.db").toString())).isEqualTo(1);
    assertThat(cli.err()).contains("not a readable SQLite database");

    assertThat(cli.run("restore", backup.toString())).isZero();
    assertThat(cli.out()).contains("Restored").contains("before-restore-");
  }

  @Test
  @DisplayName("on PostgreSQL both point at pg_dump and touch nothing")
  void postgres() throws Exception {
    Files.writeString(config, "database:\n  url: jdbc:postgresql://127.0.0.1:1/tandem\n");

    assertThat(cli.run("backup", dir.resolve("b.db").toString())).isEqualTo(1);
    assertThat(cli.err()).contains("pg_dump");
    assertThat(cli.run("restore", dir.resolve("b.db").toString())).isEqualTo(1);
    assertThat(cli.err()).contains("pg_dump");
    assertThat(dir.resolve("b.db")).doesNotExist();
  }
}
