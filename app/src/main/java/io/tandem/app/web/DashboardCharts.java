package io.tandem.app.web;

import io.tandem.core.chart.Chart;
import io.tandem.core.report.ProgramReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The dashboard's charts as {@link Chart} specs, from a {@link ProgramReport}. */
final class DashboardCharts {

  private DashboardCharts() {}

  /** The chart called {@code name}: funnel, engagement or retention; empty for others. */
  static Optional<Chart> of(String name, ProgramReport report) {
    return switch (name) {
      case "funnel" -> Optional.of(funnel(report.funnel()));
      case "engagement" -> report.weeks().isEmpty() ? Optional.empty() : Optional.of(weeks(report));
      case "retention" -> Optional.of(retention(report.retention()));
      default -> Optional.empty();
    };
  }

  static Chart funnel(ProgramReport.Funnel f) {
    return new Chart(
        Chart.Kind.BAR,
        "",
        "",
        "people",
        List.of("Enrolled", "Matched", "First session", "Meeting regularly"),
        List.of(
            new Chart.Series(
                "People",
                List.of(
                    (double) f.enrolled(),
                    (double) f.matched(),
                    (double) f.firstSession(),
                    (double) f.meetingRegularly()))));
  }

  static Chart weeks(ProgramReport report) {
    List<String> categories = new ArrayList<>();
    List<Double> sessions = new ArrayList<>();
    List<Double> pairsMet = new ArrayList<>();
    for (ProgramReport.Week week : report.weeks()) {
      categories.add(week.start().toString().substring(5));
      sessions.add((double) week.sessions());
      pairsMet.add((double) week.pairsMet());
    }
    // at most Chart.MAX_CATEGORIES weeks: the latest ones
    int from = Math.max(0, categories.size() - Chart.MAX_CATEGORIES);
    return new Chart(
        Chart.Kind.LINE,
        "",
        "week starting",
        "",
        categories.subList(from, categories.size()),
        List.of(
            new Chart.Series("Sessions", sessions.subList(from, sessions.size())),
            new Chart.Series("Pairs that met", pairsMet.subList(from, pairsMet.size()))));
  }

  static Chart retention(ProgramReport.Retention r) {
    return new Chart(
        Chart.Kind.BAR,
        "",
        "",
        "% retained",
        List.of(
            "Participants (" + r.participants().people() + ")",
            "Non-participants (" + r.others().people() + ")"),
        List.of(
            new Chart.Series(
                "Retained %",
                // a group without people has no bar (Chart takes null for "nothing to show")
                Arrays.asList(
                    r.participants().people() == 0 ? null : r.participants().percent(),
                    r.others().people() == 0 ? null : r.others().percent()))));
  }
}
