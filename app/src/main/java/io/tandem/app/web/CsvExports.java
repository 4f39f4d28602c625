package io.tandem.app.web;

import io.tandem.core.reports.ProgramReport;
import io.tandem.core.reports.ReportFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's downloads, all cut from {@link ReportFormats}' export (so the anonymity
 * thresholds that hold for {@code tandem report} hold here too): the whole report as CSV and as
 * JSON, and one CSV per part with the export's {@code section,item,measure,value} rows of that
 * part.
 */
final class CsvExports {

  /** The CSV downloads besides {@code report}, each with the export's sections it keeps. */
  private static final Map<String, Set<String>> PARTS =
      Map.of(
          "sessions", Set.of("sessions", "weeks", "usefulness"),
          "pairs", Set.of("pairs", "health"),
          "goals", Set.of("goals", "tasks"),
          "events", Set.of("events"),
          "surveys", Set.of("surveys"),
          "signals", Set.of("signals"));

  /** The downloads offered, in display order, with their file endings. */
  static final List<String> FILES =
      List.of(
          "report.csv",
          "sessions.csv",
          "pairs.csv",
          "goals.csv",
          "events.csv",
          "surveys.csv",
          "signals.csv",
          "report.json");

  private CsvExports() {}

  /** A download by file name ({@code pairs.csv}); empty for a name not offered. */
  static Optional<String> of(String file, ProgramReport report) {
    if (file.equals("report.json")) {
      return Optional.of(ReportFormats.json(report));
    }
    if (!file.endsWith(".csv")) {
      return Optional.empty();
    }
    String name = file.substring(0, file.length() - ".csv".length());
    String csv = ReportFormats.csv(report);
    if (name.equals("report")) {
      return Optional.of(csv);
    }
    Set<String> sections = PARTS.get(name);
    if (sections == null) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    List<String> records = records(csv);
    out.append(records.get(0)).append("\r\n");
    for (String record : records.subList(1, records.size())) {
      int comma = record.indexOf(',');
      if (comma > 0 && sections.contains(record.substring(0, comma))) {
        out.append(record).append("\r\n");
      }
    }
    return Optional.of(out.toString());
  }

  /** RFC 4180 records, without their line ends; a quoted cell may hold line breaks. */
  static List<String> records(String csv) {
    List<String> records = new ArrayList<>();
    StringBuilder record = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        records.add(record.toString());
        record.setLength(0);
        i++;
        continue;
      }
      record.append(c);
    }
    if (record.length() > 0) {
      records.add(record.toString());
    }
    return records;
  }
}
