package io.tandem.core.reports;

import static io.tandem.core.reports.ReportFormats.num;
import static io.tandem.core.reports.ReportFormats.row;

import io.tandem.core.reports.ProgramReport.Event;
import io.tandem.core.reports.ProgramReport.EventSlot;
import io.tandem.core.reports.ProgramReport.Health;
import io.tandem.core.reports.ProgramReport.PairRow;
import io.tandem.core.reports.ProgramReport.Timeline;
import io.tandem.core.reports.ProgramReport.Usefulness;
import java.util.List;
import java.util.Locale;

/**
 * The export's rows and Markdown for tasks, usefulness and the time line of events ({@link
 * ReportFormats} writes the rest). A suppressed mean is written as the words the report shows,
 * never as a number.
 */
final class PlanFormats {

  static final String NOT_ENOUGH = "not enough responses";

  private PlanFormats() {}

  static void programRows(List<String[]> rows, Health h) {
    rows.add(row("tasks", "", "set", h.tasksSet()));
    rows.add(row("tasks", "", "done", h.tasksDone()));
    usefulnessRows(rows, "", h.usefulness());
  }

  static void pairRows(List<String[]> rows, String item, PairRow p) {
    rows.add(row("pairs", item, "tasks_set", p.tasksSet()));
    rows.add(row("pairs", item, "tasks_done", p.tasksDone()));
    rows.add(row("pairs", item, "usefulness_ratings", p.usefulness().ratings()));
    rows.add(row("pairs", item, "usefulness_mean", mean(p.usefulness())));
  }

  private static void usefulnessRows(List<String[]> rows, String item, Usefulness u) {
    rows.add(row("usefulness", item, "ratings", u.ratings()));
    rows.add(row("usefulness", item, "mean", mean(u)));
  }

  private static String mean(Usefulness u) {
    return u.suppressed() ? NOT_ENOUGH : num(u.mean());
  }

  /** One row per week or day and event: {@code events,2026-01-05,joins,3}. */
  static void eventRows(List<String[]> rows, Timeline t) {
    rows.add(row("events", "", "unit", t.unit()));
    for (EventSlot s : t.slots()) {
      String item = s.start().toString();
      for (Event e : Event.values()) {
        rows.add(row("events", item, key(e), s.count(e)));
      }
      rows.add(row("events", item, "partial", s.partial()));
    }
  }

  static void eventsTable(StringBuilder md, Timeline t) {
    md.append("\n## Program events per ").append(t.unit()).append("\n\n| ").append(t.unit());
    StringBuilder rule = new StringBuilder("|---");
    for (Event e : Event.values()) {
      md.append(" | ").append(e.label);
      rule.append("|---:");
    }
    md.append(" |\n").append(rule).append("|\n");
    for (EventSlot s : t.slots()) {
      md.append("| ").append(s.start()).append(s.partial() ? " (partial)" : "");
      for (Event e : Event.values()) {
        md.append(" | ").append(s.count(e));
      }
      md.append(" |\n");
    }
    md.append("\nTotals: ").append(ReportEvents.totals(t)).append(".\n");
  }

  /** {@code pair_ends} for {@link Event#PAIR_ENDS}. */
  static String key(Event e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
