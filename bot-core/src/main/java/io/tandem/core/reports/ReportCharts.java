package io.tandem.core.reports;

import io.tandem.core.reports.ProgramReport.Funnel;
import io.tandem.core.reports.ProgramReport.Group;
import io.tandem.core.reports.ProgramReport.Retention;
import io.tandem.core.reports.ProgramReport.Week;
import io.tandem.core.reports.chart.Chart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as {@link Chart} specs: the funnel, engagement over time and the retention
 * comparison. Pure; the chat reply attaches them and the dashboard draws them. Each names the
 * program, the period and the as-of under its title, so a chart passed on alone still says what it
 * counts.
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

  /** People at each step of the funnel, each step's share of those enrolled in its label. */
  public static Chart funnel(ProgramReport report) {
    Funnel f = report.funnel();
    return new Chart(
        Chart.Kind.BAR,
        "Funnel",
        "",
        "people",
        List.of(
            "enrolled",
            step("matched", f, f.matched()),
            step("first session", f, f.firstSession()),
            step("meeting regularly", f, f.meetingRegularly())),
        List.of(
            new Chart.Series(
                "people",
                List.of(
                    (double) f.enrolled(),
                    (double) f.matched(),
                    (double) f.firstSession(),
                    (double) f.meetingRegularly()))),
        subtitle(report),
        null);
  }

  private static String step(String name, Funnel f, long people) {
    return String.format(Locale.ROOT, "%s (%.0f%%)", name, f.percent(people));
  }

  /**
   * Sessions and pairs that met per week (the last {@value #MAX_WEEKS} weeks of the period), as
   * bars side by side: with a weekly cadence the two are often equal, and a line drawn over an
   * equal line would hide it. A week that the period or the as-of cuts short is labelled
   * "(partial)", so its lower numbers do not read as a fall.
   */
  public static Chart engagement(ProgramReport report) {
    List<Week> weeks = report.weeks();
    List<Week> shown = weeks.subList(Math.max(0, weeks.size() - MAX_WEEKS), weeks.size());
    List<String> categories = new ArrayList<>();
    List<Double> sessions = new ArrayList<>();
    List<Double> pairs = new ArrayList<>();
    for (Week w : shown) {
      categories.add(w.start() + (w.partial() ? " (partial)" : ""));
      sessions.add((double) w.sessions());
      pairs.add((double) w.pairsMet());
    }
    return new Chart(
        Chart.Kind.BAR,
        "Sessions per week",
        "week of (Monday, UTC)",
        "per week",
        categories,
        List.of(new Chart.Series("sessions", sessions), new Chart.Series("pairs that met", pairs)),
        subtitle(report),
        null);
  }

  /**
   * Retention in percent for participants and the others, on a 0–100 axis; each group's size in its
   * label, and no bar for a group without people ("no data, n = 0").
   */
  public static Chart retention(ProgramReport report) {
    Retention r = report.retention();
    String title = "Retention" + (r.enoughData() ? "" : ": not enough data to compare");
    return new Chart(
        Chart.Kind.BAR,
        title,
        "source: " + r.source().label,
        "% still here at the end",
        List.of(group("participants", r.participants()), group("non-participants", r.others())),
        List.of(
            new Chart.Series(
                "retained %", Arrays.asList(percent(r.participants()), percent(r.others())))),
        subtitle(report),
        100.0);
  }

  private static String group(String name, Group g) {
    return g.people() == 0
        ? name + " (no data, n = 0)"
        : name + " (" + g.retained() + " of n = " + g.people() + ")";
  }

  private static Double percent(Group g) {
    return g.people() == 0 ? null : g.percent();
  }

  /** {@code Spring pilot · 2026-11-30 to 2027-01-11, as of 2027-01-11 08:00:05 UTC}. */
  static String subtitle(ProgramReport report) {
    return report.program().name() + " · " + ReportText.window(report);
  }
}
