package io.tandem.core.enrolment;

import io.tandem.core.kernel.EditDistance;
import io.tandem.core.kernel.Progress;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What every {@code tandem import} shares: reading an RFC 4180 file with a header row ({@link
 * CsvReader}), checking the header against the known columns (any order and case, a suggestion for
 * a misspelt name, every required column present), and collecting problems as lines that name the
 * file, the row and the column, with an example of a right value. The importers validate their rows
 * with it and store nothing while it holds a problem. Not thread-safe.
 */
final class CsvImport {

  /** Problems listed in full; beyond this only their number is given. */
  static final int PROBLEMS_SHOWN = 50;

  /** The file's rows under a valid header. */
  record Table(CsvReader.Row header, List<CsvReader.Row> rows, Map<String, Integer> columns) {}

  private final List<String> known;
  private final Set<String> required;
  private final Map<String, String> examples;
  private final Problems problems;
  private Map<Integer, List<CsvReader.Problem>> malformed = Map.of();

  /**
   * @param fileName how problems name the file
   * @param known the columns a file may have, in documented order
   * @param required the columns every file must have
   * @param examples a right value for each column, shown with a problem in it
   */
  CsvImport(
      String fileName, List<String> known, Set<String> required, Map<String, String> examples) {
    this.known = List.copyOf(known);
    this.required = Set.copyOf(required);
    this.examples = Map.copyOf(examples);
    this.problems = new Problems(Objects.requireNonNull(fileName, "fileName"));
  }

  Problems problems() {
    return problems;
  }

  /**
   * Reads every row and checks the header; {@code null} (with the problems recorded) when the file
   * is empty or its header is wrong.
   */
  Table read(Reader csv, Progress progress) throws IOException {
    CsvReader reader = new CsvReader(csv);
    CsvReader.Row header = reader.next();
    List<CsvReader.Row> rows = new ArrayList<>();
    for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
      rows.add(row);
    }
    progress.stage(String.format(Locale.ROOT, "read %,d rows", rows.size()), rows.size());
    // a row the CSV reader could not read cleanly is reported as such: its cells are unreliable
    Map<Integer, List<CsvReader.Problem>> byRow = new HashMap<>();
    for (CsvReader.Problem p : reader.problems()) {
      byRow.computeIfAbsent(p.row(), r -> new ArrayList<>()).add(p);
    }
    malformed = byRow;
    if (header != null && byRow.containsKey(header.number())) {
      byRow.remove(header.number()).forEach(problems::malformed);
      return null;
    }
    if (header == null) {
      problems.add(
          "the file is empty; its first row must name the columns, e.g. "
              + String.join(",", known));
      return null;
    }
    Map<String, Integer> columns = readHeader(header);
    return columns == null ? null : new Table(header, rows, columns);
  }

  /**
   * The row's cells by column name (blank for a column the row is too short for), or {@code null}
   * with the problem recorded when the row could not be read cleanly or has too many cells.
   */
  Map<String, String> cells(Table table, CsvReader.Row row) {
    List<CsvReader.Problem> unreadable = malformed.get(row.number());
    if (unreadable != null) {
      unreadable.forEach(problems::malformed);
      return null;
    }
    int width = table.header().cells().size();
    if (row.cells().size() > width) {
      problems.at(
          row.number(),
          "column " + (width + 1),
          "the row has "
              + row.cells().size()
              + " cells but the header names "
              + width
              + " columns; a cell that contains a comma must be in double quotes, e.g."
              + " \"Instagram, SQL\"");
      return null;
    }
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, Integer> column : table.columns().entrySet()) {
      int i = column.getValue();
      values.put(column.getKey(), i < row.cells().size() ? row.cells().get(i).strip() : "");
    }
    return values;
  }

  /** Reports problems in one row by column name. */
  RowProblems at(Table table, CsvReader.Row row) {
    return new RowProblems(row.number(), table.columns());
  }

  /** The position of each known column, or {@code null} when the header has problems. */
  private Map<String, Integer> readHeader(CsvReader.Row header) {
    int before = problems.count();
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> cells = header.cells();
    for (int i = 0; i < cells.size(); i++) {
      String raw = cells.get(i).strip();
      String name = raw.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
      String where = "column " + (i + 1);
      if (name.isEmpty()) {
        problems.at(header.number(), where, "the column has no name; name it or remove it");
      } else if (!known.contains(name)) {
        String suggestion = closest(name, known);
        problems.at(
            header.number(),
            where + " (" + raw + ")",
            "unknown column"
                + (suggestion == null
                    ? "; the columns are " + String.join(", ", known)
                    : "; did you mean " + suggestion + "?"));
      } else if (columns.containsKey(name)) {
        problems.at(
            header.number(),
            where + " (" + raw + ")",
            "repeats column " + (columns.get(name) + 1) + "; each column may appear once");
      } else {
        columns.put(name, i);
      }
    }
    for (String column : known) {
      if (required.contains(column) && !columns.containsKey(column)) {
        problems.add(
            "the header has no "
                + column
                + " column, which every file needs (required: "
                + String.join(", ", known.stream().filter(required::contains).toList())
                + ")");
      }
    }
    return problems.count() > before ? null : columns;
  }

  /** A known column name within a few edits of {@code name}, or {@code null}. */
  static String closest(String name, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String column : known) {
      int d = EditDistance.between(name, column);
      if (d < bestDistance) {
        best = column;
        bestDistance = d;
      }
    }
    for (String column : known) {
      if (name.length() >= 3 && (column.startsWith(name) || name.startsWith(column))) {
        return column;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  /** The problems found so far: the first {@link #PROBLEMS_SHOWN} as lines, and how many. */
  static final class Problems {
    private final String file;
    private final List<String> shown = new ArrayList<>();
    private int count;

    Problems(String file) {
      this.file = file;
    }

    void add(String message) {
      count++;
      if (shown.size() < PROBLEMS_SHOWN) {
        shown.add(file + ": " + message);
      }
    }

    void at(int row, String where, String message) {
      add("row " + row + ", " + where + ": " + message);
    }

    void malformed(CsvReader.Problem problem) {
      at(problem.row(), "column " + problem.column(), problem.message());
    }

    int count() {
      return count;
    }

    List<String> shown() {
      return List.copyOf(shown);
    }
  }

  /** Problems in one row, named by column. */
  final class RowProblems {
    private final int row;
    private final Map<String, Integer> columns;

    private RowProblems(int row, Map<String, Integer> columns) {
      this.row = row;
      this.columns = columns;
    }

    void problem(String column, String message) {
      Integer index = columns.get(column);
      String where =
          index == null
              ? column + " (no such column in the file)"
              : "column " + (index + 1) + " (" + column + ")";
      String example =
          message.contains(" like ") || message.contains("e.g.")
              ? ""
              : " — e.g. " + examples.get(column);
      problems.at(row, where, message + example);
    }
  }
}
