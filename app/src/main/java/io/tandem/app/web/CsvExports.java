package io.tandem.app.web;

import io.tandem.core.report.ProgramReport;
import io.tandem.core.report.Reports;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The dashboard's CSV downloads. */
final class CsvExports {

  /** The downloads offered, in display order. */
  static final List<String> NAMES = List.of("pairs");

  private CsvExports() {}

  static Optional<String> of(String name, Reports reports, ProgramReport report) {
    if (!name.equals("pairs")) {
      return Optional.empty();
    }
    StringBuilder out =
        new StringBuilder(
            "pair_id,mentor,mentee,status,score,health,sessions,hours,last_session\r\n");
    for (ProgramReport.PairRow row : report.pairs()) {
      out.append(row.pairId())
          .append(',')
          .append(cell(row.mentor()))
          .append(',')
          .append(cell(row.mentee()))
          .append(',')
          .append(row.status())
          .append(',')
          .append(row.score())
          .append(',')
          .append(row.bucket().label)
          .append(',')
          .append(row.sessions())
          .append(',')
          .append(String.format(Locale.ROOT, "%.2f", row.hours()))
          .append(',')
          .append(row.lastSession() == null ? "" : row.lastSession().toString())
          .append("\r\n");
    }
    return Optional.of(out.toString());
  }

  private static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v; // no formulas in spreadsheets
    }
    return v.matches(".*[\",\r\n].*") ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
