package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.Member;
import io.tandem.core.store.Store;
import io.tandem.core.store.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tandem forget}, {@code tandem backup} and {@code tandem restore} as an operator runs them.
 */
@DisplayName("tandem forget, backup and restore")
class DataCommandsTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path config;

  @BeforeEach
  void configure() throws Exception {
    config =
        Files.writeString(
            dir.resolve("tandem.yml"),
            "database:\n  url: jdbc:sqlite:%s\n".formatted(dir.resolve("tandem.db")));
    try (Database db = ImportCommandTest.open(dir)) {
      db.inTransaction(
          em -> {
            Store store = new Store(em);
            long ws = store.add(new Workspace(Platform.SLACK, "T_ACME", Instant.now())).getId();
            return store.add(new Member(ws, "U_ZED", "Zed Quist", null, Instant.now()));
          });
    }
  }

  private int tandem(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  @Test
  @DisplayName("forget erases a person once, names the workspace, and refuses what it cannot find")
  void forget() {
    assertThat(tandem("forget", "U_ZED", "--workspace", "T_NOPE")).isEqualTo(1);
    assertThat(err.toString()).contains("T_NOPE");

    assertThat(tandem("forget", "U_ZED", "--platform", "slack")).isZero();
    assertThat(out.toString()).contains("Erased U_ZED in slack workspace T_ACME");

    assertThat(tandem("forget", "U_ZED")).isEqualTo(1);
    assertThat(err.toString()).contains("Tandem holds nothing about U_ZED");
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

    assertThat(tandem("backup", backup.toString())).isZero();
    assertThat(out.toString()).contains("Backed up the database to").contains("schema version");
    assertThat(backup).exists();
    assertThat(tandem("backup", backup.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("exists already");

    Files.writeString(dir.resolve("junk.db"), "not a database");
    assertThat(tandem("restore", dir.resolve("junk.db").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("not a readable SQLite database");

    assertThat(tandem("restore", backup.toString())).isZero();
    assertThat(out.toString()).contains("Restored").contains("before-restore-");
  }

  @Test
  @DisplayName("on PostgreSQL both point at pg_dump and touch nothing")
  void postgres() throws Exception {
    Files.writeString(config, "database:\n  url: jdbc:postgresql://127.0.0.1:1/tandem\n");

    assertThat(tandem("backup", dir.resolve("b.db").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("pg_dump");
    assertThat(tandem("restore", dir.resolve("b.db").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("pg_dump");
    assertThat(dir.resolve("b.db")).doesNotExist();
  }
}
