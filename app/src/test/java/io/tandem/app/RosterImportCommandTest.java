package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem import roster} as an operator meets it. */
@DisplayName("tandem import roster")
class RosterImportCommandTest {

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
    try (Database db = ImportCommandTest.open(dir);
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO workspace (id, platform, external_id, created_at)"
              + " VALUES (1, 'DISCORD', '4242', 0)");
    }
  }

  private int tandem(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  private long rows() throws Exception {
    try (Database db = ImportCommandTest.open(dir);
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM roster_entry")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  @DisplayName("a bad row rejects the file with its row and column; a good file is summarised")
  void importRoster() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.csv"),
            "employee_id,hire_date,department,band\nE1,2020-01-01,Sales,2\nE2,01/02/2020,Sales,9\n");
    assertThat(tandem("import", "roster", bad.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("row 3, column 2 (hire_date): `01/02/2020` is not a day written YYYY-MM-DD")
        .contains("row 3, column 4 (band): `9` is not a seniority band")
        .contains("Nothing was imported (2 problems)");
    assertThat(rows()).isZero();

    Path good =
        Files.writeString(
            dir.resolve("good.csv"),
            "employee_id,user_id,hire_date,exit_date,department,band\n"
                + "E1,1001,2020-01-01,,Sales,2\n"
                + "E2,,2019-05-01,2026-01-31,Sales,3\n");
    assertThat(tandem("import", "roster", good.toString(), "--platform", "discord"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains(
            "into discord workspace 4242: 2 employees (1 still employed); linked to chat users:"
                + " 1 by user id, 0 by email, 1 not linked; it replaced 0 rows.");
    assertThat(rows()).isEqualTo(2);
  }
}
