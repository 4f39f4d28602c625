package io.tandem.core.enrolment;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 defines them, one record at a time: cells in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""} is one {@code "}); lines end
 * with CRLF or LF (a lone CR too); a UTF-8 byte-order mark before the first cell is skipped.
 *
 * <p>Lenient where spreadsheets and hand edits commonly differ from the RFC and the meaning is
 * still clear: blanks before an opening quote or after a closing one are ignored, and a record that
 * is entirely empty (a blank line, or only commas) is skipped. Ambiguous input is reported, not
 * guessed: text after a closing quote, a quote inside an unquoted cell, a quoted cell never closed.
 *
 * <p>Rows are numbered as a spreadsheet shows them: the first record (the header) is row 1, and a
 * record whose quoted cell spans several lines is still one row. Not thread-safe.
 */
final class CsvReader {

  /** One record and its row number. */
  record Row(int number, List<String> cells) {}

  /** Something malformed at a row and 1-based column. */
  record Problem(int row, int column, String message) {}

  private final Reader in;
  private final List<Problem> problems = new ArrayList<>();
  private final char[] buffer = new char[8192];
  private int length;
  private int position;
  private int rows;
  private boolean started;
  private boolean ended;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** The problems found so far, in file order. */
  List<Problem> problems() {
    return problems;
  }

  /** The next non-empty record, or {@code null} at the end of the input. */
  Row next() throws IOException {
    while (!ended) {
      Row row = record();
      if (row != null && row.cells().stream().anyMatch(c -> !c.isBlank())) {
        return row;
      }
    }
    return null;
  }

  /** Reads one record; {@code null} when the input ended before any character of it. */
  private Row record() throws IOException {
    skipByteOrderMark();
    int row = rows + 1;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean inQuotes = false;
    boolean closed = false; // the current cell was quoted and its closing quote is behind us
    boolean flagged = false; // the current cell has a problem reported already
    boolean any = false;
    while (true) {
      int c = read();
      if (c < 0) {
        ended = true;
        return any ? last(row, cells, cell, inQuotes) : null;
      }
      any = true;
      if (inQuotes) {
        if (c != '"') {
          cell.append((char) c);
        } else if (peek() == '"') {
          read();
          cell.append('"');
        } else {
          inQuotes = false;
          closed = true;
        }
        continue;
      }
      if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        closed = false;
        flagged = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        return finish(row, cells, cell);
      } else if (closed) {
        if (!Character.isWhitespace(c) && !flagged) {
          flagged = true;
          report(row, cells.size() + 1, AFTER_CLOSING_QUOTE);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        inQuotes = true;
      } else {
        if (c == '"' && !flagged) {
          flagged = true;
          report(row, cells.size() + 1, QUOTE_IN_UNQUOTED);
        }
        cell.append((char) c);
      }
    }
  }

  private static final String NEVER_CLOSED =
      "a quoted cell is never closed: it runs to the end of the file (each \" inside"
          + " a quoted cell must be doubled, \"\")";
  private static final String AFTER_CLOSING_QUOTE =
      "text after the closing quote; quote the whole cell and double each \" inside"
          + " it, e.g. \"say \"\"hi\"\"\"";
  private static final String QUOTE_IN_UNQUOTED =
      "a \" inside an unquoted cell; quote the whole cell and double each \" inside"
          + " it, e.g. \"say \"\"hi\"\"\"";

  /** Skips a UTF-8 byte order mark at the very start of the input. */
  private void skipByteOrderMark() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
      }
    }
  }

  private void report(int row, int column, String message) {
    problems.add(new Problem(row, column, message));
  }

  /** Ends the file's last record, which has no line break after it. */
  private Row last(int row, List<String> cells, StringBuilder cell, boolean inQuotes) {
    if (inQuotes) {
      report(row, cells.size() + 1, NEVER_CLOSED);
    }
    return finish(row, cells, cell);
  }

  /** Ends the record numbered {@code row} with the cell being read. */
  private Row finish(int row, List<String> cells, StringBuilder cell) {
    rows = row;
    cells.add(cell.toString());
    return new Row(row, cells);
  }

  private int read() throws IOException {
    if (position == length && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == length && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    length = n;
    position = 0;
    return true;
  }
}
