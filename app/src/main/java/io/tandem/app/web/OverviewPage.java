package io.tandem.app.web;

import static io.tandem.app.web.DashboardFormat.DAY;
import static io.tandem.app.web.DashboardFormat.MINUTE;
import static io.tandem.app.web.DashboardFormat.bucketClass;
import static io.tandem.app.web.DashboardFormat.oneDecimal;
import static io.tandem.app.web.DashboardFormat.signed;

import io.tandem.core.reports.Outcomes;
import io.tandem.core.reports.ProgramReport;
import io.tandem.core.reports.ReportEvents;
import io.tandem.core.reports.ReportText;
import io.tandem.core.reports.Targets;
import java.util.ArrayList;
import java.util.List;

/**
 * A program's overview page: headline numbers, the funnel, engagement and retention charts, the
 * health buckets, the pairs, the mix and the downloads, all read from one report.
 */
final class OverviewPage {

  private OverviewPage() {}

  /** The page for {@code report}, its links pinned to {@code view}. */
  static String render(DashboardView view, ProgramReport report) {
    return Html.overview(
        new Pages.Overview(
            "Tandem · " + report.program().name(),
            view.filters(),
            report.program().name(),
            report.program().status(),
            DAY.format(report.period().from())
                + " to "
                + DAY.format(report.period().to().minusMillis(1)),
            ReportText.instant(report.asOf()),
            cards(report),
            figures(view, report),
            Dashboard.CHART_WIDTH,
            Dashboard.CHART_HEIGHT,
            retention(report.retention()),
            badges(report.health()),
            pairs(view, report),
            events(report.timeline()),
            mix(report),
            downloads(view),
            MINUTE.format(view.access().expires()),
            outcomes(report.outcomes())));
  }

  private static Pages.OutcomeLines outcomes(Outcomes o) {
    return new Pages.OutcomeLines(
        o.targets().stream().map(Targets::line).toList(), o.words(), ReportText.outcomes(o));
  }

  private static List<Pages.Card> cards(ProgramReport report) {
    ProgramReport.Health health = report.health();
    ProgramReport.Funnel funnel = report.funnel();
    return List.of(
        new Pages.Card("enrolled", "People enrolled", Long.toString(funnel.enrolled())),
        new Pages.Card("pairs", "Pairs", Long.toString(health.pairs())),
        new Pages.Card(
            "active-pairs",
            "Active pairs",
            health.activePairs() + " (" + Math.round(health.activePairsPercent()) + "%)"),
        new Pages.Card("sessions", "Sessions", Long.toString(health.sessions())),
        new Pages.Card("hours", "Hours", oneDecimal(health.hours())),
        new Pages.Card(
            "sessions-per-pair", "Sessions per pair", oneDecimal(health.sessionsPerPair())),
        new Pages.Card("goals", "Goals set / done", health.goalsSet() + " / " + health.goalsDone()),
        new Pages.Card("tasks", "Tasks set / done", health.tasksSet() + " / " + health.tasksDone()),
        new Pages.Card(
            "usefulness", "Session usefulness", ReportText.usefulness(health.usefulness())),
        new Pages.Card(
            "skill-change",
            "Skill self-rating change",
            health.skillChange() == null ? "—" : signed(health.skillChange())),
        new Pages.Card(
            "nudges", "Nudges / escalations", health.nudges() + " / " + health.escalations()),
        new Pages.Card(
            "dead-messages", "Undeliverable messages", Long.toString(health.deadMessages())));
  }

  private static List<Pages.Figure> figures(DashboardView view, ProgramReport report) {
    return List.of(
        figure(view, "funnel", "Funnel: enrolled → matched → first session → meeting regularly"),
        report.weeks().isEmpty()
            ? new Pages.Figure("engagement", "No weeks to show engagement over yet.", null)
            : figure(view, "engagement", "Engagement over time, per week"),
        figure(view, "retention", "Retention: participants against non-participants"),
        report.timeline().slots().isEmpty()
            ? new Pages.Figure("events", "No program events to show yet.", null)
            : figure(
                view,
                "events",
                "Program events per "
                    + report.timeline().unit()
                    + ": joins, matches, pairings ended, pauses, escalations"));
  }

  private static Pages.Figure figure(DashboardView view, String name, String caption) {
    return new Pages.Figure(
        name, caption, Dashboard.PATH + "/chart/" + name + ".png" + view.query());
  }

  private static List<Pages.Badge> badges(ProgramReport.Health health) {
    List<Pages.Badge> badges = new ArrayList<>();
    for (ProgramReport.Bucket bucket : ProgramReport.Bucket.values()) {
      badges.add(
          new Pages.Badge(
              bucketClass(bucket), bucket.label, health.buckets().getOrDefault(bucket, 0L)));
    }
    return badges;
  }

  private static List<Pages.PairLine> pairs(DashboardView view, ProgramReport report) {
    List<Pages.PairLine> pairs = new ArrayList<>();
    for (ProgramReport.PairRow row : report.pairs()) {
      pairs.add(
          new Pages.PairLine(
              row.pairId(),
              Dashboard.PATH + "/pair" + view.query("pair", Long.toString(row.pairId())),
              row.mentor(),
              row.mentee(),
              row.status(),
              row.score(),
              bucketClass(row.bucket()),
              row.bucket().label,
              row.roundsMet() + " of " + row.roundsCounted(),
              row.sessions(),
              oneDecimal(row.hours()),
              row.lastSession() == null ? "never" : DAY.format(row.lastSession()),
              row.tasksSet() + " / " + row.tasksDone(),
              ReportText.usefulness(row.usefulness())));
    }
    return pairs;
  }

  private static Pages.Events events(ProgramReport.Timeline timeline) {
    List<Pages.EventLine> lines = new ArrayList<>();
    for (ProgramReport.EventSlot slot : timeline.slots()) {
      if (slot.total() > 0) {
        List<Long> counts = new ArrayList<>();
        for (ProgramReport.Event event : ProgramReport.Event.values()) {
          counts.add(slot.count(event));
        }
        lines.add(new Pages.EventLine(ReportEvents.label(timeline, slot), counts));
      }
    }
    return new Pages.Events(
        timeline.unit(),
        java.util.Arrays.stream(ProgramReport.Event.values()).map(e -> e.label).toList(),
        lines,
        ReportEvents.totals(timeline));
  }

  private static List<Pages.MixTable> mix(ProgramReport report) {
    List<Pages.MixTable> mix = new ArrayList<>();
    for (ProgramReport.Mix dimension : report.mix()) {
      mix.add(
          new Pages.MixTable(
              dimension.dimension(),
              dimension.groups().stream()
                  .map(g -> new Pages.MixGroup(g.value(), g.mentors(), g.mentees()))
                  .toList(),
              dimension.suppressedGroups()));
    }
    return mix;
  }

  private static List<Pages.Link> downloads(DashboardView view) {
    return CsvExports.FILES.stream()
        .map(file -> new Pages.Link(Dashboard.PATH + "/export/" + file + view.query(), file))
        .toList();
  }

  private static String retention(ProgramReport.Retention r) {
    StringBuilder out = new StringBuilder();
    out.append("Retention (")
        .append(r.source().label)
        .append("): participants ")
        .append(r.participants().retained())
        .append(" of ")
        .append(r.participants().people())
        .append(", others ")
        .append(r.others().retained())
        .append(" of ")
        .append(r.others().people())
        .append(". ");
    if (r.enoughData()) {
      out.append("Difference ")
          .append(signed(r.difference()))
          .append(" points (95% CI ")
          .append(signed(r.low()))
          .append(" to ")
          .append(signed(r.high()))
          .append("). ");
    }
    if (r.note() != null) {
      out.append(r.note());
    }
    return out.toString();
  }
}
