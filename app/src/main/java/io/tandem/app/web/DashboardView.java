package io.tandem.app.web;

import io.tandem.core.reports.OpenDashboard;
import io.tandem.core.reports.ProgramReport;
import io.tandem.core.reports.Reports;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one dashboard request asked for, once its token checked out: the program, the period and the
 * as-of, and the links that keep them.
 */
record DashboardView(
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
  DashboardView pinnedTo(Instant at) {
    return new DashboardView(
        token, access, choices, program, periodText, period, periodProblem, asOfText, at, params);
  }

  /** The program, period and as-of form at the top of every page. */
  Pages.Filters filters() {
    return new Pages.Filters(
        Dashboard.PATH,
        token,
        choices.stream()
            .map(
                c ->
                    new Pages.Choice(
                        c.id(), c.name() + " (" + c.status() + ")", c.id() == program.id()))
            .toList(),
        periodText,
        Reports.PERIOD_EXAMPLE,
        asOfText,
        periodProblem);
  }

  /** The link back to the program's overview. */
  Pages.Link back() {
    return new Pages.Link(Dashboard.PATH + query(), program.name());
  }

  /** A request's query parameters, decoded; the first of a repeated name wins. */
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
