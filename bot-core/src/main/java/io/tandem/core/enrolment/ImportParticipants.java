package io.tandem.core.enrolment;

import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.kernel.Mentions;
import io.tandem.core.kernel.Progress;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

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
          "capacity");

  /**
   * Columns every file must have. {@code teach}, {@code learn} and {@code capacity} may be left out
   * of a file whose rows do not need them (mentors must teach and give a capacity; mentees must
   * want to learn); {@code manager} is optional.
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

  private static final Map<String, String> EXAMPLES =
      Map.ofEntries(
          Map.entry("user_id", "U024BE7LH"),
          Map.entry("name", "Ana Lima"),
          Map.entry("role", "mentor"),
          Map.entry("department", "Marketing"),
          Map.entry("band", "2"),
          Map.entry("manager", "U01MAYA or Maya Chen"),
          Map.entry("communication", "call"),
          Map.entry("timezone", "Europe/Berlin"),
          Map.entry("teach", "Instagram reels; SQL"),
          Map.entry("learn", "Leadership 2; Budgeting 1"),
          Map.entry("availability", "Tue 14-16; Thu 9-11"),
          Map.entry("capacity", "1"));

  /** Values each form input accepts, to look past one problem for the next (see allProblems). */
  private static final Map<String, String> ABOUT_FILLERS =
      Map.of(
          "department",
          "x",
          "band",
          "1",
          "manager",
          "",
          "communication",
          "chat",
          "timezone",
          "UTC");

  private static final Map<String, String> SKILLS_FILLERS =
      Map.of("teach", "x", "learn", "x 1", "availability", "Mon 9-10", "capacity", "1");

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

  /** One valid row. */
  private record Person(
      int row,
      String userId,
      String name,
      Role role,
      ProfileForms.About about,
      ProfileForms.Skills skills) {
    String label() {
      return name + " (" + userId + ", row " + row + ")";
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
    CsvImport csvImport = new CsvImport(fileName, COLUMNS, REQUIRED, EXAMPLES);
    CsvImport.Problems problems = csvImport.problems();
    Program program = checkProgram(target, problems);
    CsvImport.Table table = csvImport.read(csv, progress);
    if (table == null) {
      return failed(problems);
    }
    List<CsvReader.Row> rows = table.rows();
    List<Person> people = new ArrayList<>(rows.size());
    Map<String, Integer> rowOfUser = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Person person = readRow(csvImport, table, rows.get(i), rowOfUser);
      if (person != null) {
        people.add(person);
      }
      progress.rows("validated", i + 1, rows.size());
    }
    if (problems.count() > 0 || program == null) {
      return failed(problems);
    }
    try {
      return new Outcome(List.of(), 0, store(target, people, progress));
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
      return db.inTransaction(em -> ProgramLookup.findAccepting(new Store(em), target).program());
    } catch (ProgramLookup.NotFound e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** A known column name within a few edits of {@code name}, or {@code null}. */
  static String closest(String name) {
    return CsvImport.closest(name, COLUMNS);
  }

  /** Reads one row, reporting every problem in it; {@code null} when it has any. */
  private static Person readRow(
      CsvImport csvImport,
      CsvImport.Table table,
      CsvReader.Row row,
      Map<String, Integer> rowOfUser) {
    CsvImport.Problems problems = csvImport.problems();
    int before = problems.count();
    Map<String, String> values = csvImport.cells(table, row);
    if (values == null) {
      return null;
    }
    CsvImport.RowProblems at = csvImport.at(table, row);

    String userId = values.get("user_id");
    userId = Mentions.userId(userId).orElse(userId);
    if (userId.isEmpty()) {
      at.problem("user_id", "empty; every row needs the person's user id on the chat platform");
    } else if (userId.length() > MAX_USER_ID || !userId.matches("\\S+")) {
      at.problem(
          "user_id",
          "`" + userId + "` is not a user id (no spaces, at most " + MAX_USER_ID + " characters)");
    } else {
      Integer first = rowOfUser.putIfAbsent(userId, row.number());
      if (first != null) {
        at.problem(
            "user_id", userId + " is on row " + first + " already; each person may appear once");
      }
    }
    String name = values.get("name");
    if (name.isEmpty()) {
      at.problem("name", "empty; give the name people know the person by");
    } else if (name.length() > MAX_NAME) {
      at.problem("name", "keep the name to " + MAX_NAME + " characters");
    }
    String roleText = values.get("role");
    Role role = Role.parse(roleText).orElse(null);
    if (role == null) {
      at.problem(
          "role",
          "`"
              + roleText
              + "` is not mentor or mentee (the mentor is the junior person who teaches)");
    }
    ProfileForms.About about = allProblems(values, ABOUT_FILLERS, ProfileForms::readAbout, at);
    // the skills rules depend on the role: with no valid role they are checked once it is fixed
    ProfileForms.Skills skills =
        role == null
            ? null
            : allProblems(values, SKILLS_FILLERS, v -> ProfileForms.readSkills(role, v), at);
    if (problems.count() > before) {
      return null;
    }
    return new Person(row.number(), userId, name, role, about, skills);
  }

  /**
   * Reads a form page and collects every problem in it, not just the first: the form's readers stop
   * at the first bad input, so each bad input is replaced by a value the reader accepts and the
   * page is read again. The value returned comes from an unchanged page, so it is exactly what the
   * form would store; {@code null} when there were problems.
   */
  private static <T> T allProblems(
      Map<String, String> values,
      Map<String, String> fillers,
      Function<Map<String, String>, ProfileForms.Result<T>> read,
      CsvImport.RowProblems at) {
    Map<String, String> trial = new HashMap<>(values);
    boolean clean = true;
    for (int attempt = 0; attempt <= fillers.size(); attempt++) {
      ProfileForms.Result<T> result = read.apply(trial);
      if (result.problem() == null) {
        return clean ? result.value() : null;
      }
      clean = false;
      String input = result.problem().inputId();
      at.problem(input, result.problem().message());
      String filler = fillers.get(input);
      if (filler == null || filler.equals(trial.get(input))) {
        return null;
      }
      trial.put(input, filler);
    }
    return null;
  }

  private Summary store(ProgramLookup.Target target, List<Person> people, Progress progress) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          ProgramLookup.Found found = ProgramLookup.findAccepting(store, target);
          Workspace workspace = found.workspace();
          Program program = found.program();
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          // read everything needed up front: a query inside the loop would flush every time
          Map<String, Member> members = new HashMap<>();
          store.members(workspace.getId()).forEach(m -> members.put(m.getUserId(), m));
          Map<Long, Participant> inProgram = new HashMap<>();
          long active = 0;
          for (Participant p : store.participants(program.getId())) {
            inProgram.put(p.getMemberId(), p);
            if (p.getStatus() == ParticipantStatus.ACTIVE) {
              active++;
            }
          }
          Integer cap = program.getPilotCap();
          int enrolled = 0;
          List<String> waitlisted = new ArrayList<>();
          List<String> already = new ArrayList<>();
          for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            Member member = members.get(person.userId());
            Participant existing = member == null ? null : inProgram.get(member.getId());
            if (existing != null) {
              already.add(
                  person.label()
                      + ": already a "
                      + existing.getRole().label()
                      + (existing.getStatus() == ParticipantStatus.ACTIVE
                          ? ""
                          : ", " + existing.getStatus().name().toLowerCase(Locale.ROOT))
                      + (existing.isProfileComplete() ? "" : ", profile not finished"));
            } else {
              if (member == null) {
                member =
                    store.add(
                        new Member(
                            workspace.getId(),
                            person.userId(),
                            person.name(),
                            person.about().timeZone(),
                            now));
                members.put(person.userId(), member);
              }
              boolean waiting = cap != null && active >= cap;
              enrol(store, workspace, program, member, person, waiting, now);
              if (waiting) {
                waitlisted.add(person.label());
              } else {
                active++;
                enrolled++;
              }
            }
            progress.rows("stored", i + 1, people.size());
          }
          progress.stage(
              String.format(Locale.ROOT, "committing %,d rows…", people.size()), people.size());
          return new Summary(
              program.getName(),
              ProgramLookup.describe(workspace),
              people.size(),
              enrolled,
              waitlisted.size(),
              waitlisted.stream().limit(NAMES_SHOWN).toList(),
              already.size(),
              already.stream().limit(NAMES_SHOWN).toList(),
              cap);
        });
  }

  /** What the two form pages' submissions write for a new participant, in one go. */
  private static void enrol(
      Store store,
      Workspace workspace,
      Program program,
      Member member,
      Person person,
      boolean waiting,
      Instant now) {
    Participant participant =
        store.add(
            new Participant(
                workspace.getId(), program.getId(), member.getId(), person.role(), now));
    if (waiting) {
      participant.waitlist();
    }
    ProfileForms.About about = person.about();
    participant.describe(
        about.department(), about.band(), about.manager(), about.communication(), about.timeZone());
    ProfileForms.Skills skills = person.skills();
    participant.describeSkills(
        skills.canTeach(), skills.wantsToLearn(), skills.availability(), skills.capacity());
    signal(
        store,
        participant,
        member,
        SignalType.PARTICIPANT_JOINED,
        Map.of("role", person.role().label(), "source", "import"),
        now);
    if (waiting) {
      signal(store, participant, member, SignalType.WAITLISTED, Map.of("source", "import"), now);
    }
    signal(
        store, participant, member, SignalType.PROFILE_COMPLETED, Map.of("source", "import"), now);
    // the participant is new, so its welcome key cannot exist yet: no need to ask (a query would
    // flush the whole import so far, on every row)
    store.add(
        new OutboxMessage(
            workspace.getId(),
            "welcome:" + participant.getId(),
            workspace.getPlatform(),
            member.getUserId(),
            null,
            JoinProgram.welcomePayload(member, program, person.role()),
            now,
            now));
  }

  private static void signal(
      Store store,
      Participant participant,
      Member member,
      SignalType type,
      Map<String, ?> details,
      Instant now) {
    store.add(
        new Signal(
            participant.getWorkspaceId(),
            type,
            member.getId(),
            participant.getProgramId(),
            participant.getId(),
            null,
            now,
            Json.object(new LinkedHashMap<>(details))));
  }
}
