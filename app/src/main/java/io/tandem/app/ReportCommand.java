package io.tandem.app;

import io.tandem.config.TandemConfig;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.reports.ProgramReport;
import io.tandem.core.reports.ReportFormats;
import io.tandem.core.reports.Reports;
import io.tandem.core.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tandem report --program P --format csv|json|md [--period …] [--out FILE]}: a program's
 * report as a file, the same numbers {@code /tandem report} and the dashboard show. Reads only.
 */
@Command(
    name = "report",
    description = {
      "Write a program's report: funnel, sessions, pairs with their health, goals and tasks,"
          + " session usefulness and survey trends (only where enough people answered),"
          + " retention, program events over time and the signals Tandem sent."
          + " Reads only.",
      "The formulas are in the README's Reports section."
    })
final class ReportCommand implements Callable<Integer> {

  static final int REJECTED = 2;

  @ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ProgramOptions options;

  @Option(
      names = "--format",
      paramLabel = "csv|json|md",
      defaultValue = "md",
      description = "csv (one row per number), json or md (default).")
  String format;

  @Option(
      names = "--period",
      paramLabel = "FIRST..LAST|90d|12w",
      description =
          "Days to report, both included (UTC), e.g. "
              + Reports.PERIOD_EXAMPLE
              + ", or the last 90d or 12w. Default: since the program was created.")
  String period;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description =
          "Read the numbers as they stood at this instant (UTC), e.g. "
              + Reports.AS_OF_EXAMPLE
              + " or 2026-03-31 for the end of that day; every report shows the as-of it was read"
              + " at, and the same one gives the same numbers in chat and on the dashboard."
              + " Default: now, or the end of the program's data when that lies ahead (a demo's"
              + " database).")
  String asOf;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to this file instead of the terminal.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<ReportFormats.Format> chosen = ReportFormats.Format.parse(format);
    if (chosen.isEmpty()) {
      return rejected(err, "--format " + format + " is not csv, json or md; e.g. --format csv");
    }
    Clock clock = Clock.systemUTC();
    if (period != null) {
      try {
        Reports.parsePeriod(period, clock.instant());
      } catch (IllegalArgumentException e) {
        return rejected(err, "--period: " + e.getMessage().replace("`", "\""));
      }
    }
    java.time.Instant wantedAsOf = null;
    if (asOf != null) {
      try {
        wantedAsOf = Reports.parseAsOf(asOf);
      } catch (IllegalArgumentException e) {
        return rejected(err, "--as-of: " + e.getMessage().replace("`", "\""));
      }
    }
    TandemConfig config = main.loadConfig(err);
    if (config == null) {
      return Main.CONFIG_ERROR;
    }
    String text;
    try (Database database = Tandem.openExistingDatabase(config, clock)) {
      Reports reports = new Reports(database, clock, CoreSettings.surveySettings(config));
      // a trailing period (90d) ends at the report's as-of, not at the wall clock's now
      ProgramReport.Period wanted =
          period == null
              ? null
              : Reports.parsePeriod(
                  period, wantedAsOf != null ? wantedAsOf : reports.defaultAsOf(options.target()));
      ProgramReport report = reports.compute(options.target(), wanted, wantedAsOf);
      text = ReportFormats.write(report, chosen.get());
    } catch (ProgramLookup.NotFound | IllegalArgumentException e) {
      return rejected(err, e.getMessage());
    }
    if (out == null) {
      stdout.print(text);
      stdout.flush();
      return 0;
    }
    try {
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return rejected(err, "cannot write " + out + ": " + e.getMessage());
    }
    stdout.println("Wrote the report to " + out + ".");
    stdout.flush();
    return 0;
  }

  private static int rejected(PrintWriter err, String message) {
    err.println(message);
    err.flush();
    return REJECTED;
  }
}
