package io.tandem.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem import roster}: validated like the participants import, all or nothing. */
@DisplayName("Importing the HR roster")
class ImportRosterTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  TestDatabase testDatabase;
  Database db;
  ImportRoster importer;

  @BeforeEach
  void open() throws SQLException {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(CLOCK);
    importer = new ImportRoster(db, CLOCK);
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO workspace (id, platform, external_id, created_at)"
              + " VALUES (1, 'SLACK', 'T_ACME', 0)");
    }
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  ImportRoster.Outcome run(String csv) throws Exception {
    return importer.importCsv("roster.csv", new StringReader(csv), null, null, Progress.NONE);
  }

  long rows() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM roster_entry")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  @DisplayName("a valid roster is stored, and the next import replaces it")
  void stores() throws Exception {
    ImportRoster.Outcome first =
        run(
            "Email,User ID,Hire date,Exit date,Department,Band\n"
                + "ana@example.com,U_ANA,2022-01-10,,Marketing,2\n"
                + "ben@example.com,,2015-05-01,2026-01-31,Finance,5\n");
    assertThat(first.problems()).isEmpty();
    assertThat(first.summary())
        .isEqualTo(new ImportRoster.Summary("slack workspace T_ACME", 2, 0, 1, 1));
    assertThat(rows()).isEqualTo(2);

    ImportRoster.Outcome second =
        run("employee_id,hire_date,department,band\nE1,2020-01-01,Sales,3\n");
    assertThat(second.summary().replaced()).isEqualTo(2);
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  @DisplayName("every bad cell is named with its row and column, and nothing is stored")
  void rejects() throws Exception {
    ImportRoster.Outcome outcome =
        run(
            "employee_id,email,user_id,hire_date,exit_date,department,band\n"
                + "E1,ana@example.com,U_ANA,2022-01-10,,Marketing,2\n"
                + "E1,not-an-email,U_ANA,2022-13-01,,Marketing,7\n"
                + ",,,2027-01-01,2020-01-01,,2\n"
                + "E4,,U 4,2020-01-01,2019-12-31,Sales,3\n");
    assertThat(outcome.imported()).isFalse();
    assertThat(outcome.problems())
        .containsExactly(
            "roster.csv: row 3, column 2 (email): `not-an-email` is not an email address — e.g."
                + " ana.lima@example.com",
            "roster.csv: row 3, column 3 (user_id): U_ANA is on row 2 already; each person may"
                + " appear once — e.g. U024BE7LH",
            "roster.csv: row 3, column 4 (hire_date): `2022-13-01` is not a day written YYYY-MM-DD"
                + " — e.g. 2023-09-01",
            "roster.csv: row 3, column 7 (band): `7` is not a seniority band from 1 (entry) to 6"
                + " (executive) — e.g. 2",
            "roster.csv: row 4, column 1 (employee_id): empty; every row needs the employee id or"
                + " the email — e.g. E1042",
            "roster.csv: row 4, column 4 (hire_date): 2027-01-01 is in the future; the roster is"
                + " who works here now or did — e.g. 2023-09-01",
            "roster.csv: row 4, column 5 (exit_date): 2020-01-01 is before the hire date"
                + " 2027-01-01 — e.g. 2026-02-28 (empty while employed)",
            "roster.csv: row 4, column 6 (department): empty; give the department the person"
                + " works in — e.g. Marketing",
            "roster.csv: row 5, column 3 (user_id): `U 4` is not a user id (no spaces, at most 64"
                + " characters) — e.g. U024BE7LH",
            "roster.csv: row 5, column 5 (exit_date): 2019-12-31 is before the hire date"
                + " 2020-01-01 — e.g. 2026-02-28 (empty while employed)");
    assertThat(rows()).isZero();
  }

  @Test
  @DisplayName("the header is checked like the participants import: unknown and missing columns")
  void header() throws Exception {
    ImportRoster.Outcome outcome = run("user_id,hire_dat,department\nU1,2020-01-01,Sales\n");
    assertThat(outcome.problems())
        .containsExactly(
            "roster.csv: row 1, column 2 (hire_dat): unknown column; did you mean hire_date?",
            "roster.csv: the header has no hire_date column, which every file needs (required:"
                + " hire_date, department, band)",
            "roster.csv: the header has no band column, which every file needs (required:"
                + " hire_date, department, band)");
    ImportRoster.Outcome noKey = run("user_id,hire_date,department,band\nU1,2020-01-01,Sales,2\n");
    assertThat(noKey.problems())
        .containsExactly(
            "roster.csv: the header has neither an employee_id nor an email column; every roster"
                + " needs one of them to tell employees apart");
    assertThat(rows()).isZero();
  }
}
