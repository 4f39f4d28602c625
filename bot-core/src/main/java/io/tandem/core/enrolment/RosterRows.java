package io.tandem.core.enrolment;

import io.tandem.core.kernel.MentionedUsers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks the rows of a roster file ({@link ImportRoster}). */
final class RosterRows {

  static final int MAX_EMPLOYEE = 200;
  static final int MAX_DEPARTMENT = 100;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final CsvImport csvImport;
  private final LocalDate today;
  private final Map<String, Integer> rowOfEmployee = new HashMap<>();
  private final Map<String, Integer> rowOfUser = new HashMap<>();

  RosterRows(CsvImport csvImport, LocalDate today) {
    this.csvImport = csvImport;
    this.today = today;
  }

  /** Reads one row, reporting every problem in it; {@code null} when it has any. */
  Roster.Entry read(CsvImport.Table table, CsvReader.Row row) {
    CsvImport.Problems problems = csvImport.problems();
    int before = problems.count();
    Map<String, String> values = csvImport.cells(table, row);
    if (values == null) {
      return null;
    }
    CsvImport.RowProblems at = csvImport.at(table, row);

    String email = values.getOrDefault("email", "").toLowerCase(Locale.ROOT);
    String employee = employee(table, row, values.getOrDefault("employee_id", ""), email, at);
    String userId = values.getOrDefault("user_id", "");
    userId = MentionedUsers.plain(userId).orElse(userId);
    if (!userId.isEmpty()) {
      ParticipantRows.checkUserId(userId, row.number(), rowOfUser, at);
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
    Integer band = band(values.get("band"), at);
    if (problems.count() > before) {
      return null;
    }
    return new Roster.Entry(
        employee,
        email.isEmpty() ? null : email,
        userId.isEmpty() ? null : userId,
        hired,
        left,
        department,
        band);
  }

  /** Who the row is: the employee id, else the email; {@code null} when neither will do. */
  private String employee(
      CsvImport.Table table,
      CsvReader.Row row,
      String employeeId,
      String email,
      CsvImport.RowProblems at) {
    if (employeeId.isEmpty() && email.isEmpty()) {
      at.problem(
          table.columns().containsKey("employee_id") ? "employee_id" : "email",
          "empty; every row needs the employee id or the email");
      return null;
    }
    if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      at.problem("email", "`" + email + "` is not an email address");
      return null;
    }
    String employee = employeeId.isEmpty() ? email : employeeId;
    String column = employeeId.isEmpty() ? "email" : "employee_id";
    if (employee.length() > MAX_EMPLOYEE) {
      at.problem(column, "keep it to " + MAX_EMPLOYEE + " characters");
    } else {
      Integer first = rowOfEmployee.putIfAbsent(employee, row.number());
      if (first != null) {
        at.problem(
            column, employee + " is on row " + first + " already; each employee may appear once");
      }
    }
    return employee;
  }

  private static Integer band(String bandText, CsvImport.RowProblems at) {
    if (bandText.matches("[1-6]")) {
      return Integer.parseInt(bandText);
    }
    at.problem(
        "band", "`" + bandText + "` is not a seniority band from 1 (entry) to 6 (executive)");
    return null;
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
}
