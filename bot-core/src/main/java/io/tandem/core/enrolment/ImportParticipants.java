package io.tandem.core.enrolment;

import io.tandem.core.kernel.Progress;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code tandem import participants FILE.csv --program P}: enrols many people at once from a CSV
 * file, each with a complete profile, exactly as if they had filled in the join form.
 *
 * <p><b>All or nothing.</b> Every row is validated first, with the form's own readers ({@link
 * ProfileForms#readAbout}, {@link ProfileForms#readSkills}), so a file accepts exactly what the
 * form accepts. Any problem — a bad cell, a repeated user id, an unknown or missing column, a
 * program that is not open — rejects the whole file and stores nothing; every problem is reported
 * with its row and column. A valid file is stored in one transaction.
 *
 * <p><b>Same effects as the form.</b> Each new person gets a member (unless the workspace knows
 * them), a participant with a complete profile, the {@link SignalType#PARTICIPANT_JOINED}, {@link
 * SignalType#WAITLISTED} (beyond the pilot cap, in file order) and {@link
 * SignalType#PROFILE_COMPLETED} signals (details say {@code "source": "import"}; there is no {@link
 * SignalType#PROFILE_UPDATED}, as nobody saved a form page), and the same welcome DM in the outbox
 * ({@code welcome:{participantId}}). People already in the program are left as they are and
 * reported.
 */
public final class ImportParticipants {

  /** The columns a file may have, in the order the README documents them. */
  public static final List<String> COLUMNS =
      List.of(
          "user_id",
          "name",
          "role",
          "department",
          "band",
          "manager",
          "communication",
          "timezone",
          "teach",
          "learn",
          "availability",
          "capacity",
          "career_start");

  /**
   * Columns every file must have. {@code teach}, {@code learn} and {@code capacity} may be left out
   * of a file whose rows do not need them (mentors must teach and give a capacity; mentees must
   * want to learn); {@code manager} and {@code career_start} are optional.
   */
  public static final Set<String> REQUIRED =
      Set.of(
          "user_id",
          "name",
          "role",
          "department",
          "band",
          "communication",
          "timezone",
          "availability");

  /** Problems listed in full; beyond this only their number is given. */
  public static final int PROBLEMS_SHOWN = CsvImport.PROBLEMS_SHOWN;

  /** People named in full in the summary's waitlisted and already-there lists. */
  public static final int NAMES_SHOWN = 20;

  static final int MAX_USER_ID = 64;
  static final int MAX_NAME = 200;

  private final Database db;
  private final Clock clock;

  public ImportParticipants(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What an import did.
   *
   * @param problems why nothing was imported, one line each, at most {@link #PROBLEMS_SHOWN}; empty
   *     when the file was imported
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
   * What a successful import stored.
   *
   * @param workspace e.g. "slack workspace T024BE7LH"
   * @param rows people in the file
   * @param enrolled new participants who are active
   * @param waitlisted how many new participants went on the waitlist (beyond the pilot cap)
   * @param waitlistedNames the first {@link #NAMES_SHOWN} of them, in file order, e.g. "Ana Lima
   *     (U1, row 12)"
   * @param alreadyThere how many rows named someone already in the program (left unchanged)
   * @param alreadyThereNames the first {@link #NAMES_SHOWN} of them, with their role and status
   * @param pilotCap the program's pilot cap, or {@code null} for none
   */
  public record Summary(
      String program,
      String workspace,
      int rows,
      int enrolled,
      int waitlisted,
      List<String> waitlistedNames,
      int alreadyThere,
      List<String> alreadyThereNames,
      Integer pilotCap) {
    public Summary {
      waitlistedNames = List.copyOf(waitlistedNames);
      alreadyThereNames = List.copyOf(alreadyThereNames);
    }
  }

  /**
   * Validates the whole file, then stores it in one transaction, or stores nothing.
   *
   * @param fileName how problems name the file, e.g. "people.csv"
   * @param csv the file's text; the caller opens and closes it (decoding it as UTF-8)
   * @throws IOException when the text cannot be read
   */
  public Outcome importCsv(
      String fileName, Reader csv, ProgramLookup.Target target, Progress progress)
      throws IOException {
    Objects.requireNonNull(target, "target");
    CsvImport csvImport = new CsvImport(fileName, COLUMNS, REQUIRED, ParticipantRows.EXAMPLES);
    CsvImport.Problems problems = csvImport.problems();
    Program program = checkProgram(target, problems);
    CsvImport.Table table = csvImport.read(csv, progress);
    if (table == null) {
      return failed(problems);
    }
    List<CsvReader.Row> rows = table.rows();
    List<ParticipantRows.Person> people = new ArrayList<>(rows.size());
    ParticipantRows reader = new ParticipantRows(csvImport);
    for (int i = 0; i < rows.size(); i++) {
      ParticipantRows.Person person = reader.read(table, rows.get(i));
      if (person != null) {
        people.add(person);
      }
      progress.rows("validated", i + 1, rows.size());
    }
    if (problems.count() > 0 || program == null) {
      return failed(problems);
    }
    try {
      ImportParticipants.Summary summary =
          db.transaction(
              store ->
                  new EnrolImported(store)
                      .store(
                          target,
                          people,
                          clock.instant().truncatedTo(ChronoUnit.MILLIS),
                          progress));
      return new Outcome(List.of(), 0, summary);
    } catch (ProgramLookup.NotFound e) {
      // the program changed between validating and storing (closed meanwhile, say)
      problems.add(e.getMessage());
      return failed(problems);
    }
  }

  private static Outcome failed(CsvImport.Problems problems) {
    return new Outcome(problems.shown(), problems.count(), null);
  }

  private Program checkProgram(ProgramLookup.Target target, CsvImport.Problems problems) {
    try {
      return db.transaction(store -> ProgramLookup.findAccepting(store, target).program());
    } catch (ProgramLookup.NotFound e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** A known column name within a few edits of {@code name}, or {@code null}. */
  static String closest(String name) {
    return CsvImport.closest(name, COLUMNS);
  }
}
