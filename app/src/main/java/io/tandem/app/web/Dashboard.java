package io.tandem.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tandem.core.reports.OpenDashboard;
import io.tandem.core.reports.ProgramReport;
import io.tandem.core.reports.ReportCharts;
import io.tandem.core.reports.ReportEvents;
import io.tandem.core.reports.Reports;
import io.tandem.core.reports.chart.Chart;
import io.tandem.core.reports.chart.ChartRenderer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The admins' web dashboard under {@code /dashboard}: a program's overview (headline numbers,
 * funnel, engagement over time, retention, program events over time), its pairs with their health,
 * a drill-down per pair, and CSV downloads. Server-rendered HTML with inline CSS from the jte
 * templates in {@code src/main/jte} ({@link Html}, fed the plain values of {@link Pages} by {@link
 * OverviewPage} and {@link PairPage}), charts as PNGs drawn by {@link ChartRenderer} (and a small
 * inline SVG on the pair page); nothing is loaded from elsewhere. Every page of one program reads
 * the report at one as-of: the overview pins it in the links to its charts, pair pages and
 * downloads.
 *
 * <p>No link, no data: every page, chart and download first checks the signed token ({@code t})
 * with {@link LinkSigner}; a missing, altered or expired one gets a 403 page that shows nothing of
 * the workspace. A token opens one workspace's programs (or one program) and nothing else.
 */
public final class Dashboard implements HttpHandler {

  public static final String PATH = "/dashboard";

  static final int CHART_WIDTH = 640;
  static final int CHART_HEIGHT = 320;

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

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (WebServer.refusedUnlessGet(exchange)) {
      return;
    }
    Map<String, String> params = DashboardView.params(exchange.getRequestURI().getRawQuery());
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
    DashboardView view = view(params, access.get(), allowed, program.get());
    try {
      route(exchange, view, exchange.getRequestURI().getPath().substring(PATH.length()));
    } catch (Reports.AsOfOutOfRange e) {
      // an as-of outside the period or before the program: say so, with the form to fix it
      html(exchange, 400, Html.message("Tandem", e.getMessage(), view.filters(), null));
    }
  }

  /**
   * The request's period and as-of read for {@code program}; one that does not parse is dropped
   * with a problem the page shows next to the form.
   */
  private DashboardView view(
      Map<String, String> params,
      LinkSigner.Access access,
      List<OpenDashboard.ProgramChoice> allowed,
      OpenDashboard.ProgramChoice program) {
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
          asOf != null ? asOf : reports.defaultAsOf(program.id()).orElseGet(clock::instant);
      try {
        period = Reports.parsePeriod(periodText, end);
      } catch (IllegalArgumentException e) {
        periodProblem = e.getMessage() + " Showing the whole program instead.";
      }
    }
    if (asOfProblem != null) {
      periodProblem = periodProblem == null ? asOfProblem : periodProblem + " " + asOfProblem;
    }
    return new DashboardView(
        params.get("t"),
        access,
        allowed,
        program,
        periodText,
        period,
        periodProblem,
        asOfText,
        asOf,
        params);
  }

  private void route(HttpExchange exchange, DashboardView view, String sub) throws IOException {
    if (sub.isEmpty() || sub.equals("/")) {
      ProgramReport report = report(view);
      // the charts, downloads and pair pages read the same as-of as this page
      html(exchange, 200, OverviewPage.render(view.pinnedTo(report.asOf()), report));
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

  private ProgramReport report(DashboardView view) {
    return reports
        .compute(view.program().id(), view.period(), view.asOf())
        .orElseThrow(() -> new IllegalStateException("program " + view.program().id() + " gone"));
  }

  private void pair(HttpExchange exchange, DashboardView view) throws IOException {
    ProgramReport report = report(view);
    String wanted = view.params().getOrDefault("pair", "");
    Optional<ProgramReport.PairRow> found =
        report.pairs().stream().filter(p -> Long.toString(p.pairId()).equals(wanted)).findFirst();
    if (found.isEmpty()) {
      html(
          exchange,
          404,
          Html.message("No such pair", "This program has no such pair.", null, view.back()));
      return;
    }
    ProgramReport.PairRow row = found.get();
    OpenDashboard.PairHistory history = programs.pairHistory(view.program().id(), row.pairId());
    html(exchange, 200, PairPage.render(view, row, history));
  }

  private void chart(HttpExchange exchange, DashboardView view, String name) throws IOException {
    ProgramReport report = report(view);
    Optional<Chart> chart =
        switch (name) {
          case "funnel" -> Optional.of(ReportCharts.funnel(report));
          case "engagement" ->
              report.weeks().isEmpty()
                  ? Optional.empty()
                  : Optional.of(ReportCharts.engagement(report));
          case "retention" -> Optional.of(ReportCharts.retention(report));
          case "events" ->
              report.timeline().slots().isEmpty()
                  ? Optional.empty()
                  : Optional.of(ReportEvents.chart(report));
          default -> Optional.empty();
        };
    if (chart.isEmpty()) {
      WebServer.send(exchange, 404, "text/plain; charset=utf-8", "No such chart.");
      return;
    }
    WebServer.send(
        exchange, 200, "image/png", ChartRenderer.png(chart.get(), CHART_WIDTH, CHART_HEIGHT));
  }

  private void download(HttpExchange exchange, DashboardView view, String file) throws IOException {
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
}
