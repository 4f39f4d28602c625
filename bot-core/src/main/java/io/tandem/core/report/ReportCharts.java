package io.tandem.core.report;

import io.tandem.core.chart.Chart;
import io.tandem.core.report.ProgramReport.Funnel;
import io.tandem.core.report.ProgramReport.Retention;
import io.tandem.core.report.ProgramReport.Week;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's charts as {@link Chart} specs: the funnel, engagement over time and the retention
 * comparison. Pure; the chat reply attaches them and the dashboard draws them.
 */
public final class ReportCharts {

  /** Weeks shown in chat; the dashboard can draw the whole period from {@link #engagement}. */
  static final int MAX_WEEKS = Chart.MAX_CATEGORIES;

  private ReportCharts() {}

  /** Funnel, engagement over time and retention, in that order. */
  public static List<Chart> of(ProgramReport report) {
    List<Chart> charts = new ArrayList<>();
    charts.add(funnel(report));
    charts.add(engagement(report));
    charts.add(retention(report));
    return charts;
  }

  public static Chart funnel(ProgramReport report) {
    Funnel f = report.funnel();
    return new Chart(
        Chart.Kind.BAR,
        "Funnel: " + report.program().name(),
        "",
        "people",
        List.of("enrolled", "matched", "first session", "meeting regularly"),
        List.of(
            new Chart.Series(
                "people",
                List.of(
                    (double) f.enrolled(),
                    (double) f.matched(),
                    (double) f.firstSession(),
                    (double) f.meetingRegularly()))));
  }

  /** Sessions and pairs that met per week (the last {@value #MAX_WEEKS} weeks of the period). */
  public static Chart engagement(ProgramReport report) {
    List<Week> weeks = report.weeks();
    List<Week> shown = weeks.subList(Math.max(0, weeks.size() - MAX_WEEKS), weeks.size());
    List<String> categories = new ArrayList<>();
    List<Double> sessions = new ArrayList<>();
    List<Double> pairs = new ArrayList<>();
    for (Week w : shown) {
      categories.add(w.start().toString());
      sessions.add((double) w.sessions());
      pairs.add((double) w.pairsMet());
    }
    return new Chart(
        Chart.Kind.LINE,
        "Engagement per week",
        "week of",
        "",
        categories,
        List.of(new Chart.Series("sessions", sessions), new Chart.Series("pairs that met", pairs)));
  }

  /** Retention in percent for participants and the others; no bars without enough data. */
  public static Chart retention(ProgramReport report) {
    Retention r = report.retention();
    Double participants = r.participants().people() == 0 ? null : r.participants().percent();
    Double others = r.others().people() == 0 ? null : r.others().percent();
    String title =
        "Retention (" + r.source().label + ")" + (r.enoughData() ? "" : ": not enough data");
    return new Chart(
        Chart.Kind.BAR,
        title,
        "",
        "% still here at the end",
        List.of("participants", "non-participants"),
        List.of(new Chart.Series("retained %", java.util.Arrays.asList(participants, others))));
  }
}
