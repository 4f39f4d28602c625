package io.tandem.core.reports;

import io.tandem.core.reports.ProgramReport.Event;
import io.tandem.core.reports.ProgramReport.EventSlot;
import io.tandem.core.reports.ProgramReport.Timeline;
import io.tandem.core.reports.chart.Chart;
import java.util.ArrayList;
import java.util.List;

/** The time line of program events in words (chat, Markdown) and as a chart (dashboard). Pure. */
public final class ReportEvents {

  /** At most this many weeks or days with events are listed in chat; the rest are counted. */
  static final int LISTED_SLOTS = 8;

  /** Above this many weeks or days the chart draws lines; bars would be too thin to read. */
  static final int BARS_UP_TO = 16;

  private ReportEvents() {}

  /** {@code 7 joins · 3 matches · 0 pair ends · 0 pauses · 1 escalation}. */
  public static String totals(Timeline t) {
    List<String> parts = new ArrayList<>();
    for (Event e : Event.values()) {
      parts.add(count(t.total(e), e));
    }
    return String.join(" · ", parts);
  }

  /** {@code 2 joins, 1 match} for one week or day; only the events that happened. */
  public static String slot(EventSlot s) {
    List<String> parts = new ArrayList<>();
    for (Event e : Event.values()) {
      if (s.count(e) > 0) {
        parts.add(count(s.count(e), e));
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** {@code week of 2026-01-05}, {@code 2026-01-05} for a day, with "(partial)" when cut short. */
  public static String label(Timeline t, EventSlot s) {
    return ("week".equals(t.unit()) ? "week of " : "")
        + s.start()
        + (s.partial() ? " (partial)" : "");
  }

  /** The totals, then the latest weeks or days with events, one line each, oldest first. */
  static String chat(Timeline t) {
    List<EventSlot> withEvents = t.slots().stream().filter(s -> s.total() > 0).toList();
    if (withEvents.isEmpty()) {
      return "none in this period";
    }
    StringBuilder out = new StringBuilder(totals(t));
    int skipped = Math.max(0, withEvents.size() - LISTED_SLOTS);
    if (skipped > 0) {
      out.append("\n… ")
          .append(skipped)
          .append(" earlier ")
          .append(t.unit())
          .append(skipped == 1 ? "" : "s")
          .append(" with events");
    }
    for (EventSlot s : withEvents.subList(skipped, withEvents.size())) {
      out.append("\n• ").append(label(t, s)).append(": ").append(slot(s));
    }
    return out.toString();
  }

  /**
   * One series per event over the latest {@value Chart#MAX_CATEGORIES} weeks or days: bars for a
   * few, lines for many.
   */
  public static Chart chart(ProgramReport report) {
    Timeline t = report.timeline();
    List<EventSlot> slots = t.slots();
    List<EventSlot> shown =
        slots.subList(Math.max(0, slots.size() - Chart.MAX_CATEGORIES), slots.size());
    List<String> categories = new ArrayList<>();
    for (EventSlot s : shown) {
      categories.add(s.start() + (s.partial() ? " (partial)" : ""));
    }
    List<Chart.Series> series = new ArrayList<>();
    for (Event e : Event.values()) {
      series.add(new Chart.Series(e.label, shown.stream().map(s -> (double) s.count(e)).toList()));
    }
    boolean weekly = "week".equals(t.unit());
    return new Chart(
        shown.size() > BARS_UP_TO ? Chart.Kind.LINE : Chart.Kind.BAR,
        weekly ? "Program events per week" : "Program events per day",
        weekly ? "week of (Monday, UTC)" : "day (UTC)",
        "events",
        categories,
        series,
        ReportCharts.subtitle(report),
        null);
  }

  private static String count(long n, Event e) {
    String label = e.label;
    if (n == 1) {
      label =
          switch (e) {
            case JOINS -> "join";
            case MATCHES -> "match";
            case PAIR_ENDS -> "pairing ended";
            case PAUSES -> "pause";
            case ESCALATIONS -> "escalation";
          };
    }
    return n + " " + label;
  }
}
