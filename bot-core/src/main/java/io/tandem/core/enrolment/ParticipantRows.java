package io.tandem.core.enrolment;

import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.kernel.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the rows of a participants file ({@link ImportParticipants}) with the join form's own
 * readers, reporting every problem of a row with its column.
 */
final class ParticipantRows {

  static final Map<String, String> EXAMPLES =
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
          Map.entry("capacity", "1"),
          Map.entry("career_start", "2005-2014"));

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
      Map.of(
          "teach",
          "x",
          "learn",
          "x 1",
          "availability",
          "Mon 9-10",
          "capacity",
          "1",
          "career_start",
          "");

  /** One valid row. */
  record Person(
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

  private final CsvImport csvImport;
  private final Map<String, Integer> rowOfUser = new HashMap<>();

  ParticipantRows(CsvImport csvImport) {
    this.csvImport = csvImport;
  }

  /** Reads one row, reporting every problem in it; {@code null} when it has any. */
  Person read(CsvImport.Table table, CsvReader.Row row) {
    CsvImport.Problems problems = csvImport.problems();
    int before = problems.count();
    Map<String, String> values = csvImport.cells(table, row);
    if (values == null) {
      return null;
    }
    CsvImport.RowProblems at = csvImport.at(table, row);

    String userId = values.get("user_id");
    userId = MentionedUsers.plain(userId).orElse(userId);
    if (userId.isEmpty()) {
      at.problem("user_id", "empty; every row needs the person's user id on the chat platform");
    } else {
      checkUserId(userId, row.number(), rowOfUser, at);
    }
    String name = values.get("name");
    if (name.isEmpty()) {
      at.problem("name", "empty; give the name people know the person by");
    } else if (name.length() > ImportParticipants.MAX_NAME) {
      at.problem("name", "keep the name to " + ImportParticipants.MAX_NAME + " characters");
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

  /** A user id a file names: plausible, and on one row only. */
  static void checkUserId(
      String userId, int row, Map<String, Integer> rowOfUser, CsvImport.RowProblems at) {
    if (userId.length() > ImportParticipants.MAX_USER_ID || !userId.matches("\\S+")) {
      at.problem(
          "user_id",
          "`"
              + userId
              + "` is not a user id (no spaces, at most "
              + ImportParticipants.MAX_USER_ID
              + " characters)");
    } else if (!userId.matches("[^<>|]+")) {
      // a mention copied from a chat message: a CSV file holds the id alone, on every platform
      at.problem("user_id", "`" + userId + "` is not a user id; give the id alone, e.g. U024BE7LH");
    } else {
      Integer first = rowOfUser.putIfAbsent(userId, row);
      if (first != null) {
        at.problem(
            "user_id", userId + " is on row " + first + " already; each person may appear once");
      }
    }
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
}
