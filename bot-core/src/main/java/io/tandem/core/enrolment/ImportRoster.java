package io.tandem.core.enrolment;

import io.tandem.core.kernel.Progress;
import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

  private static final Map<String, String> EXAMPLES =
      Map.of(
          "employee_id", "E1042",
          "email", "ana.lima@example.com",
          "user_id", "U024BE7LH",
          "hire_date", "2023-09-01",
          "exit_date", "2026-02-28 (empty while employed)",
          "department", "Marketing",
          "band", "2");

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
    RosterWorkspace target = null;
    try {
      target = db.transaction(store -> RosterWorkspace.of(store, platform, workspace));
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
    RosterRows reader = new RosterRows(csvImport, LocalDate.now(clock));
    List<Roster.Entry> entries = new ArrayList<>(table.rows().size());
    for (int i = 0; i < table.rows().size(); i++) {
      CsvReader.Row row = table.rows().get(i);
      Roster.Entry entry = reader.read(table, row);
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

  private static Outcome failed(CsvImport.Problems problems) {
    return new Outcome(problems.shown(), problems.count(), null);
  }

  private Summary store(RosterWorkspace target, List<Roster.Entry> entries) {
    long now = clock.millis();
    return db.transaction(
        store -> {
          Workspace workspace = target.resolve(store, now);
          Roster roster = Roster.in(store, db.isSqlite());
          Links links = link(roster.userOfEmail(workspace.getId()), entries);
          int replaced = roster.replace(workspace.getId(), entries, links.userIds(), now);
          return new Summary(
              ProgramLookup.describe(workspace)
                  + (target.id() == null ? " (new in this database)" : ""),
              entries.size(),
              replaced,
              (int) entries.stream().filter(e -> e.left() == null).count(),
              links.byId(),
              links.byEmail(),
              entries.size() - links.byId() - links.byEmail());
        });
  }

  /**
   * Links each entry to a user id: its own, else the member whose email it is. A user id the file
   * names, or an earlier row's email already took, is not linked again.
   */
  private static Links link(Map<String, String> userOfEmail, List<Roster.Entry> entries) {
    Set<String> taken = new HashSet<>();
    entries.stream().map(Roster.Entry::userId).filter(Objects::nonNull).forEach(taken::add);
    int byId = taken.size();
    List<String> userIds = new ArrayList<>(entries.size());
    int byEmail = 0;
    for (Roster.Entry e : entries) {
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
