package io.tandem.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.kernel.Progress;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
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
import java.util.LinkedHashMap;
import java.util.Map;
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
        .isEqualTo(new ImportRoster.Summary("slack workspace T_ACME", 2, 0, 1, 1, 0, 1));
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

  /** Members of the workspace, with the email their platform profile gave. */
  void members(String... userIdsAndEmails) {
    db.inTransaction(
        em -> {
          Store store = new Store(em);
          for (int i = 0; i < userIdsAndEmails.length; i += 2) {
            store
                .add(
                    new Member(1, userIdsAndEmails[i], userIdsAndEmails[i], "UTC", CLOCK.instant()))
                .refreshProfile(null, null, userIdsAndEmails[i + 1], CLOCK.instant());
          }
          return null;
        });
  }

  /** The stored roster: employee to the user id it is linked to (empty for none). */
  Map<String, String> links() throws SQLException {
    Map<String, String> links = new LinkedHashMap<>();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT employee, user_id FROM roster_entry ORDER BY id")) {
      while (rs.next()) {
        links.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
      }
    }
    return links;
  }

  @Test
  @DisplayName("rows without a user id are linked to members by email, whatever its case")
  void linksByEmail() throws Exception {
    // GIVEN members whose Slack profiles gave their work emails (one in capitals)
    members("U_ANA", "ana@example.com", "U_BEN", "Ben@Example.COM");

    // WHEN a roster with emails only is imported
    ImportRoster.Outcome outcome =
        run(
            "email,hire_date,department,band\n"
                + "ANA@example.com,2022-01-10,Marketing,2\n"
                + "ben@example.com,2020-01-10,Finance,4\n"
                + "carl@example.com,2021-01-10,Sales,3\n");

    // THEN two are linked by email, the unknown address to nobody
    assertThat(outcome.summary())
        .isEqualTo(new ImportRoster.Summary("slack workspace T_ACME", 3, 0, 3, 0, 2, 1));
    assertThat(links())
        .containsExactly(
            Map.entry("ana@example.com", "U_ANA"),
            Map.entry("ben@example.com", "U_BEN"),
            Map.entry("carl@example.com", ""));
  }

  @Test
  @DisplayName("a user id in the file wins over an email, and nobody is linked twice")
  void idWinsOverEmail() throws Exception {
    // GIVEN two members with emails
    members("U_ANA", "ana@example.com", "U_BEN", "ben@example.com");

    // WHEN one row names Ana's user id with Ben's email, and another row has Ana's email only
    ImportRoster.Outcome outcome =
        run(
            "employee_id,email,user_id,hire_date,department,band\n"
                + "E1,ben@example.com,U_ANA,2022-01-10,Marketing,2\n"
                + "E2,ana@example.com,,2020-01-10,Finance,4\n"
                + "E3,,,2020-01-10,Finance,4\n");

    // THEN the user id decides; Ana's email does not link a second row to her
    assertThat(outcome.summary())
        .isEqualTo(new ImportRoster.Summary("slack workspace T_ACME", 3, 0, 3, 1, 0, 2));
    assertThat(links())
        .containsExactly(Map.entry("E1", "U_ANA"), Map.entry("E2", ""), Map.entry("E3", ""));
  }
}
