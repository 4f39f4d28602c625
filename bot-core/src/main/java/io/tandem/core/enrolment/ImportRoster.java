package io.tandem.core.enrolment;

import io.tandem.core.kernel.Mentions;
import io.tandem.core.kernel.Progress;
import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code tandem import roster FILE.csv}: the HR roster that reports measure retention against (see
 * {@code io.tandem.core.report}). One row per employee: who (employee id or email), their user id
 * on the chat platform when they have one, hire and exit dates, department and seniority band.
 *
 * <p>A row is linked to a member of the workspace, so reports know who takes part, by its {@code
 * user_id} when it has one, else by its {@code email} matching the work email the platform gave for
 * a member (Slack with {@code users:read.email}; case-insensitive). The link is resolved here,
 * once, into {@code roster_entry.user_id}: reports read only that. A user id named in the file wins
 * over an email that points at the same person, so nobody is counted twice. People who first meet
 * Tandem after an import are linked by the next one.
 *
 * <p>Validated like {@link ImportParticipants} (the same {@link CsvImport}): every problem is
 * reported with its row and column, and one bad row rejects the whole file and stores nothing. A
 * valid file <b>replaces</b> the workspace's roster in one transaction: import the whole current
 * roster, including people who left.
 */
public final class ImportRoster {

  /** The columns a roster may have, in the order the README documents them. */
  public static final List<String> COLUMNS =
      List.of("employee_id", "email", "user_id", "hire_date", "exit_date", "department", "band");

  /** Columns every roster must have; it also needs employee_id or email (or both). */
  public static final Set<String> REQUIRED = Set.of("hire_date", "department", "band");

  static final int MAX_EMPLOYEE = 200;
  static final int MAX_DEPARTMENT = 100;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private static final Map<String, String> EXAMPLES =
      Map.of(
          "employee_id", "E1042",
          "email", "ana.lima@example.com",
          "user_id", "U024BE7LH",
          "hire_date", "2023-09-01",
          "exit_date", "2026-02-28 (empty while employed)",
          "department", "Marketing",
          "band", "2");

  /** One valid row. */
  record Entry(
      String employee,
      String email,
      String userId,
      LocalDate hired,
      LocalDate left,
      String department,
      int band) {}

  /**
   * What an import did.
   *
   * @param problems why nothing was imported, one line each, at most {@link
   *     CsvImport#PROBLEMS_SHOWN}; empty when the file was imported
   * @param problemCount all problems found, shown or not
   * @param summary what was stored; {@code null} when nothing was
   */
  public record Outcome(List<String> problems, int problemCount, Summary summary) {
    public Outcome {
      problems = List.copyOf(problems);
    }

    public boolean imported() {
      return summary != null;
    }
  }

  /**
   * @param workspace e.g. "slack workspace T024BE7LH"
   * @param rows employees in the file; {@code replaced} rows of the previous roster
   * @param stillEmployed rows without an exit date
   * @param linkedById rows linked to a member by the user id they name
   * @param linkedByEmail rows without a user id linked to the member with their email
   * @param notLinked the other rows: reports count them as not taking part
   */
  public record Summary(
      String workspace,
      int rows,
      int replaced,
      int stillEmployed,
      int linkedById,
      int linkedByEmail,
      int notLinked) {}

  /** The user id each entry is linked to ({@code null} for none), in the entries' order. */
  private record Links(List<String> userIds, int byId, int byEmail) {}

  private final Database db;
  private final Clock clock;

  public ImportRoster(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Validates the whole file, then replaces the workspace's roster with it, or stores nothing.
   *
   * @param platform {@code null} for any; with {@code workspace}, names the workspace when the
   *     database holds several
   */
  public Outcome importCsv(
      String fileName, Reader csv, Platform platform, String workspace, Progress progress)
      throws IOException {
    CsvImport csvImport = new CsvImport(fileName, COLUMNS, REQUIRED, EXAMPLES);
    CsvImport.Problems problems = csvImport.problems();
    WorkspaceChoice target = null;
    try {
      target = db.inTransaction(em -> WorkspaceChoice.of(new Store(em), platform, workspace));
    } catch (ProgramLookup.NotFound e) {
      problems.add(e.getMessage());
    }
    CsvImport.Table table = csvImport.read(csv, progress);
    if (table == null) {
      return failed(problems);
    }
    if (!table.columns().containsKey("employee_id") && !table.columns().containsKey("email")) {
      problems.add(
          "the header has neither an employee_id nor an email column; every roster needs one of"
              + " them to tell employees apart");
      return failed(problems);
    }
    LocalDate today = LocalDate.now(clock);
    List<Entry> entries = new ArrayList<>(table.rows().size());
    Map<String, Integer> rowOfEmployee = new HashMap<>();
    Map<String, Integer> rowOfUser = new HashMap<>();
    for (int i = 0; i < table.rows().size(); i++) {
      CsvReader.Row row = table.rows().get(i);
      Entry entry = readRow(csvImport, table, row, today, rowOfEmployee, rowOfUser);
      if (entry != null) {
        entries.add(entry);
      }
      progress.rows("validated", i + 1, table.rows().size());
    }
    if (problems.count() > 0 || target == null) {
      return failed(problems);
    }
    return new Outcome(List.of(), 0, store(target, entries));
  }

  /**
   * The workspace the roster goes to: one in the database, or, when the operator names a platform
   * and a workspace id the database does not know yet (a roster imported before anyone used Tandem
   * there), one to add in the same transaction as the roster.
   */
  private record WorkspaceChoice(Long id, Platform platform, String externalId) {

    private static final Pattern SLACK_TEAM = Pattern.compile("[TE][A-Z0-9_]+");
    private static final Pattern DISCORD_GUILD = Pattern.compile("\\d{15,21}");

    static WorkspaceChoice of(Store store, Platform platform, String externalId) {
      if (platform == null || externalId == null || externalId.isBlank()) {
        long workspaces =
            store
                .entityManager()
                .createQuery("SELECT COUNT(w) FROM Workspace w", Long.class)
                .getSingleResult();
        if (workspaces == 0) {
          throw new ProgramLookup.NotFound(
              "the database has no workspace yet: name yours with --platform slack|discord and"
                  + " --workspace TEAM_OR_GUILD_ID (e.g. --platform slack --workspace T0123ABCD)"
                  + " and this import adds it");
        }
        return new WorkspaceChoice(
            ProgramLookup.workspace(store, platform, externalId).getId(), platform, externalId);
      }
      String id = externalId.strip();
      Optional<Workspace> known = store.workspace(platform, id);
      if (known.isPresent()) {
        return new WorkspaceChoice(known.get().getId(), platform, id);
      }
      boolean slack = platform == Platform.SLACK;
      if (!(slack ? SLACK_TEAM : DISCORD_GUILD).matcher(id).matches()) {
        throw new ProgramLookup.NotFound(
            "--workspace "
                + id
                + (slack
                    ? " is not a Slack team id: those start with T, e.g. T0123ABCD (auth.test or"
                        + " the workspace's URL in a browser shows it)"
                    : " is not a Discord server id: those are 15 to 21 digits, e.g."
                        + " 1234567890123456789 (Developer Mode → right-click the server → Copy"
                        + " Server ID)"));
      }
      return new WorkspaceChoice(null, platform, id);
    }

    Workspace resolve(Store store, long now) {
      if (id != null) {
        return store.workspaceById(id).orElseThrow();
      }
      Workspace added = store.add(new Workspace(platform, externalId, Instant.ofEpochMilli(now)));
      store.flush();
      return added;
    }
  }

  private static Outcome failed(CsvImport.Problems problems) {
    return new Outcome(problems.shown(), problems.count(), null);
  }

  private static Entry readRow(
      CsvImport csvImport,
      CsvImport.Table table,
      CsvReader.Row row,
      LocalDate today,
      Map<String, Integer> rowOfEmployee,
      Map<String, Integer> rowOfUser) {
    CsvImport.Problems problems = csvImport.problems();
    int before = problems.count();
    Map<String, String> values = csvImport.cells(table, row);
    if (values == null) {
      return null;
    }
    CsvImport.RowProblems at = csvImport.at(table, row);

    String employeeId = values.getOrDefault("employee_id", "");
    String email = values.getOrDefault("email", "").toLowerCase(Locale.ROOT);
    String employee = null;
    if (employeeId.isEmpty() && email.isEmpty()) {
      at.problem(
          table.columns().containsKey("employee_id") ? "employee_id" : "email",
          "empty; every row needs the employee id or the email");
    } else if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      at.problem("email", "`" + email + "` is not an email address");
    } else {
      employee = employeeId.isEmpty() ? email : employeeId;
      if (employee.length() > MAX_EMPLOYEE) {
        at.problem(
            employeeId.isEmpty() ? "email" : "employee_id",
            "keep it to " + MAX_EMPLOYEE + " characters");
      } else {
        Integer first = rowOfEmployee.putIfAbsent(employee, row.number());
        if (first != null) {
          at.problem(
              employeeId.isEmpty() ? "email" : "employee_id",
              employee + " is on row " + first + " already; each employee may appear once");
        }
      }
    }
    String userId = values.getOrDefault("user_id", "");
    userId = Mentions.userId(userId).orElse(userId);
    if (!userId.isEmpty()) {
      if (userId.length() > ImportParticipants.MAX_USER_ID || !userId.matches("\\S+")) {
        at.problem(
            "user_id",
            "`"
                + userId
                + "` is not a user id (no spaces, at most "
                + ImportParticipants.MAX_USER_ID
                + " characters)");
      } else {
        Integer first = rowOfUser.putIfAbsent(userId, row.number());
        if (first != null) {
          at.problem(
              "user_id", userId + " is on row " + first + " already; each person may appear once");
        }
      }
    }
    LocalDate hired = date(values.get("hire_date"), "hire_date", false, at);
    if (hired != null && hired.isAfter(today)) {
      at.problem("hire_date", hired + " is in the future; the roster is who works here now or did");
    }
    LocalDate left = date(values.getOrDefault("exit_date", ""), "exit_date", true, at);
    if (hired != null && left != null && left.isBefore(hired)) {
      at.problem("exit_date", left + " is before the hire date " + hired);
    }
    String department = values.get("department");
    if (department.isEmpty()) {
      at.problem("department", "empty; give the department the person works in");
    } else if (department.length() > MAX_DEPARTMENT) {
      at.problem("department", "keep it to " + MAX_DEPARTMENT + " characters");
    }
    String bandText = values.get("band");
    Integer band = null;
    if (bandText.matches("[1-6]")) {
      band = Integer.parseInt(bandText);
    } else {
      at.problem(
          "band", "`" + bandText + "` is not a seniority band from 1 (entry) to 6 (executive)");
    }
    if (problems.count() > before) {
      return null;
    }
    return new Entry(
        employee,
        email.isEmpty() ? null : email,
        userId.isEmpty() ? null : userId,
        hired,
        left,
        department,
        band);
  }

  private static LocalDate date(
      String text, String column, boolean optional, CsvImport.RowProblems at) {
    if (text.isEmpty()) {
      if (!optional) {
        at.problem(column, "empty; every row needs it, as YYYY-MM-DD");
      }
      return null;
    }
    try {
      if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("format", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      at.problem(column, "`" + text + "` is not a day written YYYY-MM-DD");
      return null;
    }
  }

  private Summary store(WorkspaceChoice target, List<Entry> entries) {
    long now = clock.millis();
    return db.inTransaction(
        em -> {
          Workspace workspace = target.resolve(new Store(em), now);
          long workspaceId = workspace.getId();
          Connection c = em.unwrap(Connection.class);
          try {
            int replaced;
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM roster_entry WHERE workspace_id = ?")) {
              ps.setLong(1, workspaceId);
              replaced = ps.executeUpdate();
            }
            long first;
            // SQLite's write transaction holds the lock already and knows no FOR UPDATE
            try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT next_val FROM id_gen WHERE name = 'roster_entry'"
                            + (db.isSqlite() ? "" : " FOR UPDATE"));
                ResultSet rs = ps.executeQuery()) {
              rs.next();
              first = rs.getLong(1) + 1;
            }
            try (PreparedStatement ps =
                c.prepareStatement("UPDATE id_gen SET next_val = ? WHERE name = 'roster_entry'")) {
              ps.setLong(1, first - 1 + entries.size());
              ps.executeUpdate();
            }
            Links links = link(c, workspaceId, entries);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO roster_entry (id, workspace_id, employee, user_id, hire_date,"
                        + " exit_date, department, seniority_band, imported_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              long id = first;
              for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                String userId = links.userIds().get(i);
                ps.setLong(1, id++);
                ps.setLong(2, workspaceId);
                ps.setString(3, e.employee());
                if (userId == null) {
                  ps.setNull(4, Types.VARCHAR);
                } else {
                  ps.setString(4, userId);
                }
                ps.setString(5, e.hired().toString());
                if (e.left() == null) {
                  ps.setNull(6, Types.VARCHAR);
                } else {
                  ps.setString(6, e.left().toString());
                }
                ps.setString(7, e.department());
                ps.setInt(8, e.band());
                ps.setLong(9, now);
                ps.addBatch();
              }
              ps.executeBatch();
            }
            return new Summary(
                ProgramLookup.describe(workspace)
                    + (target.id() == null ? " (new in this database)" : ""),
                entries.size(),
                replaced,
                (int) entries.stream().filter(e -> e.left() == null).count(),
                links.byId(),
                links.byEmail(),
                entries.size() - links.byId() - links.byEmail());
          } catch (SQLException e) {
            throw new IllegalStateException("could not store the roster: " + e.getMessage(), e);
          }
        });
  }

  /**
   * Links each entry to a user id: its own, else the member whose email it is. A user id the file
   * names, or an earlier row's email already took, is not linked again.
   */
  private static Links link(Connection c, long workspaceId, List<Entry> entries)
      throws SQLException {
    Map<String, String> userOfEmail = new HashMap<>();
    // Should two members share an email, the one still there and most recently seen wins: rows
    // come in that order, later ones replacing earlier ones.
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT email, user_id FROM member WHERE workspace_id = ? AND email IS NOT NULL"
                + " ORDER BY CASE WHEN left_at IS NULL THEN 1 ELSE 0 END, updated_at, id")) {
      ps.setLong(1, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          userOfEmail.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    Set<String> taken = new HashSet<>();
    entries.stream().map(Entry::userId).filter(Objects::nonNull).forEach(taken::add);
    int byId = taken.size();
    List<String> userIds = new ArrayList<>(entries.size());
    int byEmail = 0;
    for (Entry e : entries) {
      String userId = e.userId();
      if (userId == null && e.email() != null) {
        String member = userOfEmail.get(e.email());
        if (member != null && taken.add(member)) {
          userId = member;
          byEmail++;
        }
      }
      userIds.add(userId);
    }
    return new Links(userIds, byId, byEmail);
  }
}
