package io.tandem.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tandem.core.reports.OpenDashboard;
import io.tandem.core.reports.ProgramReport;
import io.tandem.core.reports.ReportCharts;
import io.tandem.core.reports.ReportText;
import io.tandem.core.reports.Reports;
import io.tandem.core.reports.chart.Chart;
import io.tandem.core.reports.chart.ChartRenderer;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The admins' web dashboard under {@code /dashboard}: a program's overview (headline numbers,
 * funnel, engagement over time, retention), its pairs with their health, a drill-down per pair, and
 * CSV downloads. Server-rendered HTML with inline CSS from the jte templates in {@code
 * src/main/jte} ({@link Html}, fed the plain values of {@link Pages}), charts as PNGs drawn by
 * {@link ChartRenderer} (and a small inline SVG on the pair page); nothing is loaded from
 * elsewhere. Every page of one program reads the report at one as-of: the overview pins it in the
 * links to its charts, pair pages and downloads.
 *
 * <p>No link, no data: every page, chart and download first checks the signed token ({@code t})
 * with {@link LinkSigner}; a missing, altered or expired one gets a 403 page that shows nothing of
 * the workspace. A token opens one workspace's programs (or one program) and nothing else.
 */
public final class Dashboard implements HttpHandler {

  public static final String PATH = "/dashboard";

  static final int CHART_WIDTH = 640;
  static final int CHART_HEIGHT = 320;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final LinkSigner links;
  private final Reports reports;
  private final OpenDashboard programs;
  private final Clock clock;

  public Dashboard(LinkSigner links, Reports reports, OpenDashboard programs, Clock clock) {
    this.links = Objects.requireNonNull(links, "links");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.programs = Objects.requireNonNull(programs, "programs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What one request asked for, once its token checked out. */
  private record View(
      String token,
      LinkSigner.Access access,
      List<OpenDashboard.ProgramChoice> choices,
      OpenDashboard.ProgramChoice program,
      String periodText,
      ProgramReport.Period period,
      String periodProblem,
      String asOfText,
      Instant asOf,
      Map<String, String> params) {

    /** The query string that keeps the token, program, period and as-of, plus {@code extra}. */
    String query(String... extra) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("t", token);
      q.put("program", Long.toString(program.id()));
      if (period != null) {
        q.put("period", periodText);
      }
      if (asOf != null) {
        q.put("asof", asOf.toString());
      }
      for (int i = 0; i + 1 < extra.length; i += 2) {
        q.put(extra[i], extra[i + 1]);
      }
      return "?" + encode(q);
    }

    /** The same view read at {@code at}, for every link of a page read at that instant. */
    View pinnedTo(Instant at) {
      return new View(
          token, access, choices, program, periodText, period, periodProblem, asOfText, at, params);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (WebServer.refusedUnlessGet(exchange)) {
      return;
    }
    Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
    Optional<LinkSigner.Access> access = links.check(params.get("t"));
    if (access.isEmpty()) {
      html(exchange, 403, Html.refused());
      return;
    }
    List<OpenDashboard.ProgramChoice> allowed =
        programs.programs(access.get().grant().workspaceId()).stream()
            .filter(
                p ->
                    access.get().allProgramsOfWorkspace()
                        || p.id() == access.get().grant().programId())
            .toList();
    if (allowed.isEmpty()) {
      html(exchange, 404, Html.page("No program", "This link opens no program."));
      return;
    }
    Optional<OpenDashboard.ProgramChoice> program = chosen(allowed, params.get("program"));
    if (program.isEmpty()) {
      html(exchange, 404, Html.page("No such program", "This link does not open that program."));
      return;
    }
    String asOfText = params.getOrDefault("asof", "").strip();
    Instant asOf = null;
    String asOfProblem = null;
    if (!asOfText.isEmpty()) {
      try {
        asOf = Reports.parseAsOf(asOfText);
      } catch (IllegalArgumentException e) {
        asOfProblem = e.getMessage() + " Showing the numbers as of now instead.";
      }
    }
    String periodText = params.getOrDefault("period", "").strip();
    ProgramReport.Period period = null;
    String periodProblem = null;
    if (!periodText.isEmpty()) {
      // a trailing period (90d) ends at the page's as-of, not at the wall clock's now
      Instant end =
          asOf != null ? asOf : reports.defaultAsOf(program.get().id()).orElseGet(clock::instant);
      try {
        period = Reports.parsePeriod(periodText, end);
      } catch (IllegalArgumentException e) {
        periodProblem = e.getMessage() + " Showing the whole program instead.";
      }
    }
    if (asOfProblem != null) {
      periodProblem = periodProblem == null ? asOfProblem : periodProblem + " " + asOfProblem;
    }
    View view =
        new View(
            params.get("t"),
            access.get(),
            allowed,
            program.get(),
            periodText,
            period,
            periodProblem,
            asOfText,
            asOf,
            params);
    try {
      route(exchange, view, exchange.getRequestURI().getPath().substring(PATH.length()));
    } catch (Reports.AsOfOutOfRange e) {
      // an as-of outside the period or before the program: say so, with the form to fix it
      html(exchange, 400, Html.message("Tandem", e.getMessage(), filters(view), null));
    }
  }

  private void route(HttpExchange exchange, View view, String sub) throws IOException {
    if (sub.isEmpty() || sub.equals("/")) {
      ProgramReport report = report(view);
      // the charts, downloads and pair pages read the same as-of as this page
      html(exchange, 200, overview(view.pinnedTo(report.asOf()), report));
    } else if (sub.equals("/pair")) {
      pair(exchange, view);
    } else if (sub.startsWith("/chart/") && sub.endsWith(".png")) {
      chart(exchange, view, sub.substring("/chart/".length(), sub.length() - ".png".length()));
    } else if (sub.startsWith("/export/")) {
      download(exchange, view, sub.substring("/export/".length()));
    } else {
      html(exchange, 404, Html.page("Not found", "There is no such dashboard page."));
    }
  }

  private static Optional<OpenDashboard.ProgramChoice> chosen(
      List<OpenDashboard.ProgramChoice> allowed, String wanted) {
    if (wanted == null || wanted.isBlank()) {
      return allowed.stream()
          .filter(p -> p.status().equals("running"))
          .findFirst()
          .or(() -> Optional.of(allowed.get(0)));
    }
    return allowed.stream().filter(p -> Long.toString(p.id()).equals(wanted.strip())).findFirst();
  }

  private ProgramReport report(View view) {
    return reports
        .compute(view.program().id(), view.period(), view.asOf())
        .orElseThrow(() -> new IllegalStateException("program " + view.program().id() + " gone"));
  }

  // ---- pages

  private String overview(View view, ProgramReport report) {
    ProgramReport.Health health = report.health();
    ProgramReport.Funnel funnel = report.funnel();
    List<Pages.Card> cards =
        List.of(
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
            new Pages.Card(
                "goals", "Goals set / done", health.goalsSet() + " / " + health.goalsDone()),
            new Pages.Card(
                "skill-change",
                "Skill self-rating change",
                health.skillChange() == null ? "—" : signed(health.skillChange())),
            new Pages.Card(
                "nudges", "Nudges / escalations", health.nudges() + " / " + health.escalations()),
            new Pages.Card(
                "dead-messages", "Undeliverable messages", Long.toString(health.deadMessages())));
    List<Pages.Figure> figures =
        List.of(
            figure(
                view, "funnel", "Funnel: enrolled → matched → first session → meeting regularly"),
            report.weeks().isEmpty()
                ? new Pages.Figure("engagement", "No weeks to show engagement over yet.", null)
                : figure(view, "engagement", "Engagement over time, per week"),
            figure(view, "retention", "Retention: participants against non-participants"));
    List<Pages.Badge> badges = new ArrayList<>();
    for (ProgramReport.Bucket bucket : ProgramReport.Bucket.values()) {
      badges.add(
          new Pages.Badge(
              bucketClass(bucket), bucket.label, health.buckets().getOrDefault(bucket, 0L)));
    }
    List<Pages.PairLine> pairs = new ArrayList<>();
    for (ProgramReport.PairRow row : report.pairs()) {
      pairs.add(
          new Pages.PairLine(
              row.pairId(),
              PATH + "/pair" + view.query("pair", Long.toString(row.pairId())),
              row.mentor(),
              row.mentee(),
              row.status(),
              row.score(),
              bucketClass(row.bucket()),
              row.bucket().label,
              row.roundsMet() + " of " + row.roundsCounted(),
              row.sessions(),
              oneDecimal(row.hours()),
              row.lastSession() == null ? "never" : DAY.format(row.lastSession())));
    }
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
    List<Pages.Link> downloads =
        CsvExports.FILES.stream()
            .map(file -> new Pages.Link(PATH + "/export/" + file + view.query(), file))
            .toList();
    return Html.overview(
        new Pages.Overview(
            "Tandem · " + report.program().name(),
            filters(view),
            report.program().name(),
            report.program().status(),
            DAY.format(report.period().from())
                + " to "
                + DAY.format(report.period().to().minusMillis(1)),
            ReportText.instant(report.asOf()),
            cards,
            figures,
            CHART_WIDTH,
            CHART_HEIGHT,
            retention(report.retention()),
            badges,
            pairs,
            mix,
            downloads,
            MINUTE.format(view.access().expires())));
  }

  private void pair(HttpExchange exchange, View view) throws IOException {
    ProgramReport report = report(view);
    String wanted = view.params().getOrDefault("pair", "");
    Optional<ProgramReport.PairRow> found =
        report.pairs().stream().filter(p -> Long.toString(p.pairId()).equals(wanted)).findFirst();
    if (found.isEmpty()) {
      html(
          exchange,
          404,
          Html.message("No such pair", "This program has no such pair.", null, back(view)));
      return;
    }
    ProgramReport.PairRow row = found.get();
    List<Pages.Card> cards =
        List.of(
            new Pages.Card("score", "Engagement score", row.score() + " / 100"),
            new Pages.Card("health", "Health", row.bucket().label),
            new Pages.Card(
                "rounds", "Met in rounds", row.roundsMet() + " of " + row.roundsCounted()),
            new Pages.Card("sessions", "Sessions", Long.toString(row.sessions())),
            new Pages.Card("hours", "Hours", oneDecimal(row.hours())),
            new Pages.Card(
                "last-session",
                "Last met",
                row.lastSession() == null ? "never" : DAY.format(row.lastSession())),
            new Pages.Card("since", "Paired since", DAY.format(row.created())));
    OpenDashboard.PairHistory history = programs.pairHistory(view.program().id(), row.pairId());
    String plan =
        "Goals: "
            + history.goalsDone()
            + " of "
            + history.goalsSet()
            + " reached. Tasks: "
            + history.tasksDone()
            + " of "
            + history.tasksSet()
            + " done.";
    List<OpenDashboard.Meeting> shown =
        history
            .meetings()
            .subList(Math.max(0, history.meetings().size() - 60), history.meetings().size());
    int max =
        Math.max(60, shown.stream().mapToInt(OpenDashboard.Meeting::minutes).max().orElse(60));
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
    html(
        exchange,
        200,
        Html.pair(
            new Pages.PairPage(
                "Tandem · " + row.mentor() + " → " + row.mentee(),
                back(view),
                row.mentor(),
                row.mentee(),
                cards,
                SCORE_LABEL_WIDTH + SCORE_BAR_WIDTH + 80,
                SCORE_ROW_HEIGHT * 4 + 8,
                scoreParts(row.parts()),
                plan,
                Math.max(200, shown.size() * (14 + 6) + 40),
                MEETINGS_HEIGHT,
                max,
                bars,
                history.meetings().stream()
                    .map(m -> new Pages.Meeting(DAY.format(m.at()), m.minutes()))
                    .toList())));
  }

  private void chart(HttpExchange exchange, View view, String name) throws IOException {
    ProgramReport report = report(view);
    Optional<Chart> chart =
        switch (name) {
          case "funnel" -> Optional.of(ReportCharts.funnel(report));
          case "engagement" ->
              report.weeks().isEmpty()
                  ? Optional.empty()
                  : Optional.of(ReportCharts.engagement(report));
          case "retention" -> Optional.of(ReportCharts.retention(report));
          default -> Optional.empty();
        };
    if (chart.isEmpty()) {
      WebServer.send(exchange, 404, "text/plain; charset=utf-8", "No such chart.");
      return;
    }
    WebServer.send(
        exchange, 200, "image/png", ChartRenderer.png(chart.get(), CHART_WIDTH, CHART_HEIGHT));
  }

  private void download(HttpExchange exchange, View view, String file) throws IOException {
    Optional<String> content = CsvExports.of(file, report(view));
    if (content.isEmpty()) {
      WebServer.send(exchange, 404, "text/plain; charset=utf-8", "No such download.");
      return;
    }
    exchange
        .getResponseHeaders()
        .set(
            "Content-Disposition",
            "attachment; filename=\"" + fileName(view.program().name()) + "-" + file + "\"");
    WebServer.send(
        exchange,
        200,
        file.endsWith(".json") ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
        content.get());
  }

  // ---- pieces

  private static final int SCORE_ROW_HEIGHT = 28;
  private static final int SCORE_LABEL_WIDTH = 150;
  private static final int SCORE_BAR_WIDTH = 400;
  private static final int MEETINGS_HEIGHT = 120;

  private static Pages.Filters filters(View view) {
    return new Pages.Filters(
        PATH,
        view.token(),
        view.choices().stream()
            .map(
                c ->
                    new Pages.Choice(
                        c.id(), c.name() + " (" + c.status() + ")", c.id() == view.program().id()))
            .toList(),
        view.periodText(),
        Reports.PERIOD_EXAMPLE,
        view.asOfText(),
        view.periodProblem());
  }

  private static Pages.Figure figure(View view, String name, String caption) {
    return new Pages.Figure(name, caption, PATH + "/chart/" + name + ".png" + view.query());
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

  private static Pages.Link back(View view) {
    return new Pages.Link(PATH + view.query(), view.program().name());
  }

  private static String bucketClass(ProgramReport.Bucket bucket) {
    return bucket.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f", value);
  }

  private static String fileName(String programName) {
    String cleaned = programName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    cleaned = cleaned.replaceAll("^-+|-+$", "");
    return cleaned.isEmpty() ? "program" : cleaned;
  }

  private static void html(HttpExchange exchange, int status, String page) throws IOException {
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'");
    WebServer.send(exchange, status, "text/html; charset=utf-8", page);
  }

  static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.putIfAbsent(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed escape: the parameter is ignored
      }
    }
    return params;
  }

  private static String encode(Map<String, String> params) {
    List<String> parts = new ArrayList<>();
    params.forEach(
        (k, v) ->
            parts.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", parts);
  }
}
