package io.tandem.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tandem.core.application.OpenDashboard;
import io.tandem.core.chart.Chart;
import io.tandem.core.chart.ChartRenderer;
import io.tandem.core.report.ProgramReport;
import io.tandem.core.report.ReportCharts;
import io.tandem.core.report.ReportText;
import io.tandem.core.report.Reports;
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
 * CSV downloads. Server-rendered HTML with inline CSS, charts as PNGs drawn by {@link
 * ChartRenderer} (and a small inline SVG on the pair page); nothing is loaded from elsewhere.
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
      html(exchange, 404, Html.page("No program", "<p>This link opens no program.</p>"));
      return;
    }
    Optional<OpenDashboard.ProgramChoice> program = chosen(allowed, params.get("program"));
    if (program.isEmpty()) {
      html(
          exchange,
          404,
          Html.page("No such program", "<p>This link does not open that program.</p>"));
      return;
    }
    String periodText = params.getOrDefault("period", "").strip();
    ProgramReport.Period period = null;
    String periodProblem = null;
    if (!periodText.isEmpty()) {
      try {
        period = Reports.parsePeriod(periodText, clock.instant());
      } catch (IllegalArgumentException e) {
        periodProblem = e.getMessage() + " Showing the whole program instead.";
      }
    }
    String asOfText = params.getOrDefault("asof", "").strip();
    Instant asOf = null;
    if (!asOfText.isEmpty()) {
      try {
        asOf = Reports.parseAsOf(asOfText);
      } catch (IllegalArgumentException e) {
        periodProblem =
            (periodProblem == null ? "" : periodProblem + " ")
                + e.getMessage()
                + " Showing the numbers as of now instead.";
      }
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
      html(exchange, 400, Html.page("Tandem", filters(view) + problem(e.getMessage())));
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
      html(exchange, 404, Html.page("Not found", "<p>There is no such dashboard page.</p>"));
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
    StringBuilder body = new StringBuilder();
    body.append(filters(view));
    ProgramReport.Health health = report.health();
    ProgramReport.Funnel funnel = report.funnel();
    body.append("<p class=\"muted\">")
        .append(Html.escape(report.program().name()))
        .append(" · ")
        .append(Html.escape(report.program().status()))
        .append(" · ")
        .append(DAY.format(report.period().from()))
        .append(" to ")
        .append(DAY.format(report.period().to().minusMillis(1)))
        .append(" · <span id=\"as-of\">as of ")
        .append(Html.escape(ReportText.instant(report.asOf())))
        .append("</span></p>");
    body.append("<section class=\"cards\">");
    card(body, "enrolled", "People enrolled", Long.toString(funnel.enrolled()));
    card(body, "pairs", "Pairs", Long.toString(health.pairs()));
    card(
        body,
        "active-pairs",
        "Active pairs",
        health.activePairs() + " (" + Math.round(health.activePairsPercent()) + "%)");
    card(body, "sessions", "Sessions", Long.toString(health.sessions()));
    card(body, "hours", "Hours", oneDecimal(health.hours()));
    card(body, "sessions-per-pair", "Sessions per pair", oneDecimal(health.sessionsPerPair()));
    card(body, "goals", "Goals set / done", health.goalsSet() + " / " + health.goalsDone());
    card(
        body,
        "skill-change",
        "Skill self-rating change",
        health.skillChange() == null ? "—" : signed(health.skillChange()));
    card(body, "nudges", "Nudges / escalations", health.nudges() + " / " + health.escalations());
    card(body, "dead-messages", "Undeliverable messages", Long.toString(health.deadMessages()));
    body.append("</section>");

    body.append("<section class=\"charts\">");
    figure(body, view, "funnel", "Funnel: enrolled → matched → first session → meeting regularly");
    if (report.weeks().isEmpty()) {
      body.append("<p class=\"muted\">No weeks to show engagement over yet.</p>");
    } else {
      figure(body, view, "engagement", "Engagement over time, per week");
    }
    figure(body, view, "retention", "Retention: participants against non-participants");
    body.append("</section>");
    retention(body, report.retention());

    body.append("<h2>Pairs</h2>");
    body.append("<p>");
    for (ProgramReport.Bucket bucket : ProgramReport.Bucket.values()) {
      body.append("<span class=\"badge ")
          .append(bucketClass(bucket))
          .append("\" data-bucket=\"")
          .append(bucketClass(bucket))
          .append("\">")
          .append(Html.escape(bucket.label))
          .append(": ")
          .append(health.buckets().getOrDefault(bucket, 0L))
          .append("</span> ");
    }
    body.append("</p>");
    body.append(
        "<table id=\"pairs\"><thead><tr><th>Mentor</th><th>Mentee</th><th>Status</th>"
            + "<th>Score</th><th>Health</th><th>Sessions</th><th>Hours</th><th>Last met</th>"
            + "</tr></thead><tbody>");
    for (ProgramReport.PairRow row : report.pairs()) {
      body.append("<tr data-pair=\"").append(row.pairId()).append("\"><td>");
      body.append("<a href=\"")
          .append(PATH)
          .append("/pair")
          .append(Html.escape(view.query("pair", Long.toString(row.pairId()))))
          .append("\">")
          .append(Html.escape(row.mentor()))
          .append("</a></td><td>")
          .append(Html.escape(row.mentee()))
          .append("</td><td>")
          .append(Html.escape(row.status()))
          .append("</td><td class=\"num\">")
          .append(row.score())
          .append("</td><td><span class=\"badge ")
          .append(bucketClass(row.bucket()))
          .append("\">")
          .append(Html.escape(row.bucket().label))
          .append("</span></td><td class=\"num\" data-col=\"sessions\">")
          .append(row.sessions())
          .append("</td><td class=\"num\">")
          .append(oneDecimal(row.hours()))
          .append("</td><td>")
          .append(row.lastSession() == null ? "never" : DAY.format(row.lastSession()))
          .append("</td></tr>");
    }
    if (report.pairs().isEmpty()) {
      body.append("<tr><td colspan=\"8\" class=\"muted\">No pairs yet.</td></tr>");
    }
    body.append("</tbody></table>");

    mix(body, report.mix());

    body.append("<h2>Downloads</h2><ul class=\"downloads\">");
    for (String file : CsvExports.FILES) {
      body.append("<li><a href=\"")
          .append(PATH)
          .append("/export/")
          .append(file)
          .append(Html.escape(view.query()))
          .append("\">")
          .append(file)
          .append("</a></li>");
    }
    body.append("</ul>");
    body.append("<p class=\"muted\">This link works until ")
        .append(MINUTE.format(view.access().expires()))
        .append(". Ask for a fresh one with <code>/tandem dashboard</code>.</p>");
    return Html.page("Tandem · " + report.program().name(), body.toString());
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
          Html.page("No such pair", "<p>This program has no such pair.</p>" + back(view)));
      return;
    }
    ProgramReport.PairRow row = found.get();
    StringBuilder body = new StringBuilder();
    body.append(back(view));
    body.append("<h2>")
        .append(Html.escape(row.mentor()))
        .append(" → ")
        .append(Html.escape(row.mentee()))
        .append("</h2>");
    body.append("<section class=\"cards\">");
    card(body, "score", "Engagement score", row.score() + " / 100");
    card(body, "health", "Health", row.bucket().label);
    card(body, "sessions", "Sessions", Long.toString(row.sessions()));
    card(body, "hours", "Hours", oneDecimal(row.hours()));
    card(
        body,
        "last-session",
        "Last met",
        row.lastSession() == null ? "never" : DAY.format(row.lastSession()));
    card(body, "since", "Paired since", DAY.format(row.created()));
    body.append("</section>");
    body.append("<h3>What the score is made of</h3>");
    body.append(scoreSvg(row.parts()));
    body.append(
        "<p class=\"muted\">Sessions (up to 50, recent rounds weigh more), acknowledgements (up to"
            + " 15), goals and tasks (up to 20), survey answers (up to 15).</p>");
    OpenDashboard.PairHistory history = programs.pairHistory(view.program().id(), row.pairId());
    body.append("<h3>Learning plan</h3><p id=\"plan\">Goals: ")
        .append(history.goalsDone())
        .append(" of ")
        .append(history.goalsSet())
        .append(" reached. Tasks: ")
        .append(history.tasksDone())
        .append(" of ")
        .append(history.tasksSet())
        .append(" done.</p>");
    body.append("<h3>Sessions</h3>");
    if (history.meetings().isEmpty()) {
      body.append("<p class=\"muted\">No session logged yet.</p>");
    } else {
      body.append(meetingsSvg(history.meetings()));
      body.append(
          "<table id=\"sessions\"><thead><tr><th>Day</th><th>Minutes</th></tr></thead><tbody>");
      for (OpenDashboard.Meeting meeting : history.meetings()) {
        body.append("<tr><td>")
            .append(DAY.format(meeting.at()))
            .append("</td><td class=\"num\">")
            .append(meeting.minutes())
            .append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    html(
        exchange,
        200,
        Html.page("Tandem · " + row.mentor() + " → " + row.mentee(), body.toString()));
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

  private static String filters(View view) {
    StringBuilder out = new StringBuilder();
    out.append("<form class=\"filters\" method=\"get\" action=\"").append(PATH).append("\">");
    out.append("<input type=\"hidden\" name=\"t\" value=\"")
        .append(Html.escape(view.token()))
        .append("\">");
    out.append("<label>Program <select name=\"program\" id=\"program\">");
    for (OpenDashboard.ProgramChoice choice : view.choices()) {
      out.append("<option value=\"")
          .append(choice.id())
          .append('"')
          .append(choice.id() == view.program().id() ? " selected" : "")
          .append('>')
          .append(Html.escape(choice.name()))
          .append(" (")
          .append(Html.escape(choice.status()))
          .append(")</option>");
    }
    out.append("</select></label> ");
    out.append("<label>Period <input name=\"period\" id=\"period\" size=\"24\" placeholder=\"")
        .append(Reports.PERIOD_EXAMPLE)
        .append(" or 90d\" value=\"")
        .append(Html.escape(view.periodText()))
        .append("\"></label> ");
    out.append("<label>As of <input name=\"asof\" id=\"asof\" size=\"22\" placeholder=\"now\"")
        .append(" value=\"")
        .append(Html.escape(view.asOfText()))
        .append("\"></label> ");
    out.append("<button type=\"submit\">Show</button></form>");
    if (view.periodProblem() != null) {
      out.append(problem(view.periodProblem()));
    }
    return out.toString();
  }

  private static String problem(String text) {
    return "<p class=\"problem\">" + Html.escape(text) + "</p>";
  }

  private static void card(StringBuilder out, String id, String label, String value) {
    out.append("<div class=\"card\"><div class=\"label\">")
        .append(Html.escape(label))
        .append("</div><div class=\"value\" data-metric=\"")
        .append(id)
        .append("\">")
        .append(Html.escape(value))
        .append("</div></div>");
  }

  private static void figure(StringBuilder out, View view, String name, String caption) {
    out.append("<figure><img class=\"chart\" id=\"chart-")
        .append(name)
        .append("\" width=\"")
        .append(CHART_WIDTH)
        .append("\" height=\"")
        .append(CHART_HEIGHT)
        .append("\" alt=\"")
        .append(Html.escape(caption))
        .append("\" src=\"")
        .append(PATH)
        .append("/chart/")
        .append(name)
        .append(".png")
        .append(Html.escape(view.query()))
        .append("\"><figcaption>")
        .append(Html.escape(caption))
        .append("</figcaption></figure>");
  }

  private static void retention(StringBuilder out, ProgramReport.Retention r) {
    out.append("<p id=\"retention\">Retention (")
        .append(Html.escape(r.source().label))
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
      out.append(Html.escape(r.note()));
    }
    out.append("</p>");
  }

  private static void mix(StringBuilder out, List<ProgramReport.Mix> mix) {
    if (mix.isEmpty()) {
      return;
    }
    out.append("<h2>Who is in the pairs</h2><div class=\"mix\">");
    for (ProgramReport.Mix dimension : mix) {
      out.append("<table><thead><tr><th>")
          .append(Html.escape(dimension.dimension()))
          .append("</th><th>Mentors</th><th>Mentees</th></tr></thead><tbody>");
      for (ProgramReport.MixGroup group : dimension.groups()) {
        out.append("<tr><td>")
            .append(Html.escape(group.value()))
            .append("</td><td class=\"num\">")
            .append(group.mentors())
            .append("</td><td class=\"num\">")
            .append(group.mentees())
            .append("</td></tr>");
      }
      if (dimension.suppressedGroups() > 0) {
        out.append("<tr><td colspan=\"3\" class=\"muted\">")
            .append(dimension.suppressedGroups())
            .append(" smaller group(s) not shown (anonymity threshold)</td></tr>");
      }
      out.append("</tbody></table>");
    }
    out.append("</div>");
  }

  /** The score's four parts as horizontal bars against their maximums, in inline SVG. */
  static String scoreSvg(ProgramReport.ScoreParts parts) {
    String[] labels = {"Sessions", "Acknowledgements", "Goals and tasks", "Survey answers"};
    double[] values = {parts.sessions(), parts.acknowledgements(), parts.plan(), parts.surveys()};
    double[] max = {50, 15, 20, 15};
    int rowHeight = 28;
    int labelWidth = 150;
    int barWidth = 400;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg id=\"score-parts\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(labelWidth + barWidth + 80)
        .append("\" height=\"")
        .append(rowHeight * labels.length + 8)
        .append("\" role=\"img\" aria-label=\"Engagement score parts\">");
    for (int i = 0; i < labels.length; i++) {
      int y = 4 + i * rowHeight;
      long width = Math.round(barWidth * Math.max(0, Math.min(1, values[i] / max[i])));
      svg.append("<text x=\"0\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"13\">")
          .append(labels[i])
          .append("</text>");
      svg.append("<rect x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(barWidth)
          .append("\" height=\"18\" fill=\"#eef1f5\"/>");
      svg.append("<rect class=\"part\" x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"18\" fill=\"#3b6ea8\"/>");
      svg.append("<text x=\"")
          .append(labelWidth + barWidth + 8)
          .append("\" y=\"")
          .append(y + 17)
          .append("\" font-size=\"13\">")
          .append(oneDecimal(values[i]))
          .append(" / ")
          .append((int) max[i])
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /** One bar per session, its height the session's length, oldest on the left (inline SVG). */
  static String meetingsSvg(List<OpenDashboard.Meeting> meetings) {
    List<OpenDashboard.Meeting> shown =
        meetings.subList(Math.max(0, meetings.size() - 60), meetings.size());
    int max =
        Math.max(60, shown.stream().mapToInt(OpenDashboard.Meeting::minutes).max().orElse(60));
    int height = 120;
    int bar = 14;
    int gap = 6;
    int width = Math.max(200, shown.size() * (bar + gap) + 40);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg id=\"meetings\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height + 20)
        .append("\" role=\"img\" aria-label=\"Session lengths, oldest first\">");
    svg.append("<line x1=\"30\" y1=\"")
        .append(height)
        .append("\" x2=\"")
        .append(width)
        .append("\" y2=\"")
        .append(height)
        .append("\" stroke=\"#9aa5b1\"/>");
    svg.append("<text x=\"0\" y=\"12\" font-size=\"11\">").append(max).append("m</text>");
    for (int i = 0; i < shown.size(); i++) {
      OpenDashboard.Meeting meeting = shown.get(i);
      long h = Math.max(1, Math.round((double) (height - 10) * meeting.minutes() / max));
      svg.append("<rect class=\"meeting\" x=\"")
          .append(34 + i * (bar + gap))
          .append("\" y=\"")
          .append(height - h)
          .append("\" width=\"")
          .append(bar)
          .append("\" height=\"")
          .append(h)
          .append("\" fill=\"#3b6ea8\"><title>")
          .append(DAY.format(meeting.at()))
          .append(": ")
          .append(meeting.minutes())
          .append(" minutes</title></rect>");
    }
    return svg.append("</svg>").toString();
  }

  private static String back(View view) {
    return "<p><a href=\""
        + PATH
        + Html.escape(view.query())
        + "\">← Back to "
        + Html.escape(view.program().name())
        + "</a></p>";
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
