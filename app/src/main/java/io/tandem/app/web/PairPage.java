package io.tandem.app.web;

import static io.tandem.app.web.DashboardFormat.DAY;
import static io.tandem.app.web.DashboardFormat.oneDecimal;

import io.tandem.core.reports.OpenDashboard;
import io.tandem.core.reports.ProgramReport;
import java.util.ArrayList;
import java.util.List;

/**
 * One pair's drill-down page: its numbers, the score's four parts as bars, its learning plan and
 * its meetings as a small SVG bar chart and a list.
 */
final class PairPage {

  private static final int SCORE_ROW_HEIGHT = 28;
  private static final int SCORE_LABEL_WIDTH = 150;
  private static final int SCORE_BAR_WIDTH = 400;
  private static final int MEETINGS_HEIGHT = 120;

  /** The chart shows this many of the latest meetings; the list below it shows them all. */
  private static final int MEETINGS_SHOWN = 60;

  private PairPage() {}

  /** The page for {@code row}, with the pair's {@code history}. */
  static String render(
      DashboardView view, ProgramReport.PairRow row, OpenDashboard.PairHistory history) {
    List<OpenDashboard.Meeting> shown =
        history
            .meetings()
            .subList(
                Math.max(0, history.meetings().size() - MEETINGS_SHOWN), history.meetings().size());
    int max =
        Math.max(60, shown.stream().mapToInt(OpenDashboard.Meeting::minutes).max().orElse(60));
    return Html.pair(
        new Pages.PairPage(
            "Tandem · " + row.mentor() + " → " + row.mentee(),
            view.back(),
            row.mentor(),
            row.mentee(),
            cards(row),
            SCORE_LABEL_WIDTH + SCORE_BAR_WIDTH + 80,
            SCORE_ROW_HEIGHT * 4 + 8,
            scoreParts(row.parts()),
            plan(history),
            Math.max(200, shown.size() * (14 + 6) + 40),
            MEETINGS_HEIGHT,
            max,
            bars(shown, max),
            history.meetings().stream()
                .map(m -> new Pages.Meeting(DAY.format(m.at()), m.minutes()))
                .toList()));
  }

  private static List<Pages.Card> cards(ProgramReport.PairRow row) {
    return List.of(
        new Pages.Card("score", "Engagement score", row.score() + " / 100"),
        new Pages.Card("health", "Health", row.bucket().label),
        new Pages.Card("rounds", "Met in rounds", row.roundsMet() + " of " + row.roundsCounted()),
        new Pages.Card("sessions", "Sessions", Long.toString(row.sessions())),
        new Pages.Card("hours", "Hours", oneDecimal(row.hours())),
        new Pages.Card(
            "last-session",
            "Last met",
            row.lastSession() == null ? "never" : DAY.format(row.lastSession())),
        new Pages.Card("since", "Paired since", DAY.format(row.created())));
  }

  private static String plan(OpenDashboard.PairHistory history) {
    return "Goals: "
        + history.goalsDone()
        + " of "
        + history.goalsSet()
        + " reached. Tasks: "
        + history.tasksDone()
        + " of "
        + history.tasksSet()
        + " done.";
  }

  private static List<Pages.MeetingBar> bars(List<OpenDashboard.Meeting> shown, int max) {
    List<Pages.MeetingBar> bars = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      OpenDashboard.Meeting meeting = shown.get(i);
      long h = Math.max(1, Math.round((double) (MEETINGS_HEIGHT - 10) * meeting.minutes() / max));
      bars.add(
          new Pages.MeetingBar(
              34 + i * (14 + 6),
              MEETINGS_HEIGHT - h,
              h,
              DAY.format(meeting.at()) + ": " + meeting.minutes() + " minutes"));
    }
    return bars;
  }

  /** The score's four parts as horizontal bars against their maximums. */
  static List<Pages.ScorePart> scoreParts(ProgramReport.ScoreParts parts) {
    String[] labels = {"Sessions", "Acknowledgements", "Goals and tasks", "Survey answers"};
    double[] values = {parts.sessions(), parts.acknowledgements(), parts.plan(), parts.surveys()};
    double[] max = {50, 15, 20, 15};
    List<Pages.ScorePart> rows = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      int y = 4 + i * SCORE_ROW_HEIGHT;
      rows.add(
          new Pages.ScorePart(
              labels[i],
              y + 17,
              y + 4,
              SCORE_LABEL_WIDTH,
              SCORE_BAR_WIDTH,
              Math.round(SCORE_BAR_WIDTH * Math.max(0, Math.min(1, values[i] / max[i]))),
              SCORE_LABEL_WIDTH + SCORE_BAR_WIDTH + 8,
              oneDecimal(values[i]) + " / " + (int) max[i]));
    }
    return rows;
  }
}
