package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.app.Main;
import io.tandem.app.Tandem;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.DashboardLinks;
import io.tandem.core.reports.Reports;
import io.tandem.core.reports.chart.Chart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One program, one period, one as-of: the same numbers on every report surface. The demo plays a
 * pilot with a fixed seed; then the test reads its report in chat (what the demo printed), in the
 * charts sent by direct message (their specs in the outbox), on the dashboard (page and JSON
 * download) and from {@code tandem report} (JSON, CSV and Markdown), all at the as-of the chat
 * report showed, and compares them.
 */
@DisplayName("Report surfaces agree on the demo's data")
class ReportSurfacesTest {

  private static final Pattern FUNNEL =
      Pattern.compile(
          "(\\d+) enrolled → (\\d+) matched \\(\\d+%\\) → (\\d+) first session \\(\\d+%\\) → (\\d+)"
              + " meeting regularly");
  private static final Pattern HEALTH =
      Pattern.compile("(\\d+) thriving · (\\d+) steady · (\\d+) at risk · (\\d+) gone quiet");
  private static final Pattern SESSIONS = Pattern.compile("Sessions\\W+(\\d+) \\(");
  private static final Pattern TASKS = Pattern.compile("Tasks\\W+(\\d+) set, (\\d+) done");
  private static final Pattern USEFULNESS =
      Pattern.compile(
          "Session usefulness\\W+(?:no ratings yet|(\\d\\.\\d of 5|not enough responses)"
              + " \\((\\d+) ratings?\\))");
  private static final Pattern EVENTS =
      Pattern.compile(
          "(\\d+) joins? · (\\d+) match(?:es)? · (\\d+) pairings? ended · (\\d+) pauses? · (\\d+)"
              + " escalations?");
  private static final List<String> EVENT_KEYS =
      List.of("joins", "matches", "pair_ends", "pauses", "escalations");
  private static final Pattern WINDOW =
      Pattern.compile(
          "\\((\\d{4}-\\d{2}-\\d{2}) to (\\d{4}-\\d{2}-\\d{2}), as of"
              + " (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC)\\)");

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @DisplayName("chat, DM charts, dashboard and export show the same numbers for the same as-of")
  void sameNumbersEverywhere() throws Exception {
    // GIVEN the demo's pilot, played to its report with a fixed seed
    CommandLine demoCli = DemoMain.commandLine();
    demoCli.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(demoCli.execute("demo", "--people", "12", "--seed", "3", "--exit")).isZero();
    Demo demo = demoCli.getSubcommands().get("demo").getCommand();
    Path database = demo.databaseFile;
    String chat = demo.outcome.report();

    // the chat report names its period and as-of, and its numbers
    Matcher window = find(WINDOW, chat);
    String from = window.group(1);
    String last = window.group(2);
    String asOfShown = window.group(3);
    Instant asOf = Reports.parseAsOf(asOfShown);
    long[] funnel = numbers(find(FUNNEL, chat));
    long[] health = numbers(find(HEALTH, chat));
    long sessions = Long.parseLong(find(SESSIONS, chat).group(1));
    // the 12 generated people and the late joiner the pilot admits when its cap is raised
    assertThat(funnel[0]).isEqualTo(13);

    // WHEN tandem report reads the same program at the same as-of (the wall clock is weeks earlier)
    Path config =
        Files.writeString(dir.resolve("tandem.yml"), "database:\n  url: jdbc:sqlite:" + database);
    String json = cli(config, "--format", "json", "--as-of", asOf.toString());
    String csv = cli(config, "--format", "csv", "--as-of", asOfShown);
    String md = cli(config, "--format", "md", "--as-of", asOf.toString());

    // THEN the export's numbers are the chat's
    JsonObject report = JsonParser.parseString(json).getAsJsonObject();
    assertThat(Instant.parse(report.get("asOf").getAsString())).isEqualTo(asOf);
    assertThat(report.getAsJsonObject("period").get("from").getAsString())
        .isEqualTo(from + "T00:00:00Z");
    JsonObject f = report.getAsJsonObject("funnel");
    assertThat(longs(f, "enrolled", "matched", "firstSession", "meetingRegularly"))
        .containsExactly(funnel);
    JsonObject h = report.getAsJsonObject("health");
    JsonObject buckets = h.getAsJsonObject("buckets");
    assertThat(longs(buckets, "THRIVING", "STEADY", "AT_RISK", "GONE_QUIET"))
        .containsExactly(health);
    assertThat(h.get("sessions").getAsLong()).isEqualTo(sessions);
    Map<String, String> cells = csvCells(csv);
    assertThat(cells.get("program//as_of")).isEqualTo(asOf.toString());
    assertThat(cells.get("program//period_to")).isEqualTo(last);
    assertThat(cells.get("funnel//meeting_regularly")).isEqualTo(Long.toString(funnel[3]));
    assertThat(cells.get("health/thriving/pairs")).isEqualTo(Long.toString(health[0]));
    assertThat(cells.get("sessions//sessions")).isEqualTo(Long.toString(sessions));
    // AND its tasks, usefulness and events
    long[] tasks = numbers(find(TASKS, chat));
    assertThat(h.get("tasksSet").getAsLong()).isEqualTo(tasks[0]);
    assertThat(h.get("tasksDone").getAsLong()).isEqualTo(tasks[1]);
    assertThat(cells.get("tasks//set")).isEqualTo(Long.toString(tasks[0]));
    assertThat(cells.get("tasks//done")).isEqualTo(Long.toString(tasks[1]));
    Matcher useful = find(USEFULNESS, chat);
    String mean = cells.get("usefulness//mean");
    if (useful.group(1) == null) { // no ratings yet
      assertThat(cells.get("usefulness//ratings")).isEqualTo("0");
      assertThat(mean).isEqualTo("not enough responses");
    } else {
      assertThat(cells.get("usefulness//ratings")).isEqualTo(useful.group(2));
      assertThat(
              mean.startsWith("not")
                  ? mean
                  : String.format(java.util.Locale.ROOT, "%.1f of 5", Double.parseDouble(mean)))
          .isEqualTo(useful.group(1));
    }
    long[] events = numbers(find(EVENTS, chat));
    assertThat(events[0]).as("the demo's people joined in the period").isEqualTo(funnel[0]);
    for (int i = 0; i < EVENT_KEYS.size(); i++) {
      String key = EVENT_KEYS.get(i);
      long sum =
          cells.entrySet().stream()
              .filter(e -> e.getKey().startsWith("events/") && e.getKey().endsWith("/" + key))
              .mapToLong(e -> Long.parseLong(e.getValue()))
              .sum();
      assertThat(sum).as(key).isEqualTo(events[i]);
    }
    assertThat(md)
        .contains("| Tasks | " + tasks[0] + " set, " + tasks[1] + " done |")
        .contains("Totals: " + find(EVENTS, chat).group() + ".");
    assertThat(md)
        .contains("as of " + asOfShown)
        .contains(funnelLine(chat))
        .contains(find(HEALTH, chat).group());

    // AND the charts the admin got by direct message carry the same funnel and as-of
    List<Chart> charts = reportCharts(database);
    assertThat(charts).hasSize(3);
    for (Chart chart : charts) {
      assertThat(chart.subtitle()).contains(from + " to " + last + ", as of " + asOfShown);
    }
    assertThat(charts.get(0).series().get(0).values())
        .containsExactly(
            (double) funnel[0], (double) funnel[1], (double) funnel[2], (double) funnel[3]);
    assertThat(charts.get(2).valueMax()).isEqualTo(100.0);

    // WHEN the dashboard opens the program at the same as-of
    SimulatedChat web = SimulatedChat.start(SimulatedChat.Kind.SLACK_SOCKET);
    try (web;
        Tandem tandem = Tandem.start(web.config("jdbc:sqlite:" + database), Clock.systemUTC())) {
      long workspace = single(database, "SELECT id FROM workspace");
      long program = single(database, "SELECT id FROM program WHERE name = 'Spring pilot'");
      String token =
          tandem
              .links()
              .token(
                  new DashboardLinks.Grant(workspace, Pilot.ADMIN, program),
                  Instant.now().plus(Duration.ofMinutes(10)));
      String dashboard = tandem.httpUrl() + "dashboard";
      String query = "?t=" + token + "&program=" + program + "&asof=" + enc(asOf);
      String page = get(dashboard + query);

      // THEN its page shows that as-of and the same numbers
      assertThat(page).contains("as of " + asOfShown).contains(from + " to " + last);
      assertThat(metric(page, "enrolled")).isEqualTo(Long.toString(funnel[0]));
      assertThat(metric(page, "sessions")).isEqualTo(Long.toString(sessions));
      assertThat(page)
          .contains(">thriving: " + health[0] + "<")
          .contains(">steady: " + health[1] + "<")
          .contains(">at risk: " + health[2] + "<")
          .contains(">gone quiet: " + health[3] + "<");
      assertThat(metric(page, "tasks")).isEqualTo(tasks[0] + " / " + tasks[1]);
      assertThat(page).contains("id=\"chart-events\"").contains("id=\"event-totals\"");
      // AND its charts and downloads are pinned to that as-of
      assertThat(page).contains("asof=" + enc(asOf));
      // AND its JSON download is the export, number for number
      assertThat(get(dashboard + "/export/report.json" + query)).isEqualTo(json);

      // AND without an as-of, the dashboard and the export read the data to its own end (it lies
      // after the wall clock), never an empty period
      String live = get(dashboard + "/export/report.json?t=" + token);
      assertThat(live).isEqualTo(cli(config, "--format", "json"));
      assertThat(JsonParser.parseString(live).getAsJsonObject().getAsJsonObject("funnel"))
          .satisfies(x -> assertThat(x.get("enrolled").getAsLong()).isEqualTo(funnel[0]));
    }
  }

  private String cli(Path config, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all =
        new ArrayList<>(
            List.of("--config", config.toString(), "report", "--program", "Spring pilot"));
    all.addAll(List.of(args));
    assertThat(cli.execute(all.toArray(String[]::new))).as(err.toString()).isZero();
    return out.toString();
  }

  private String get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  private static String metric(String page, String name) {
    Matcher m = Pattern.compile("data-metric=\"" + name + "\">([^<]*)<").matcher(page);
    assertThat(m.find()).as("metric %s", name).isTrue();
    return m.group(1);
  }

  private static long[] longs(JsonObject json, String... names) {
    long[] values = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = json.get(names[i]).getAsLong();
    }
    return values;
  }

  private static String enc(Instant at) {
    return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
  }

  private static Matcher find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as("%s in:\n%s", pattern, text).isTrue();
    return m;
  }

  private static long[] numbers(Matcher m) {
    long[] n = new long[m.groupCount()];
    for (int i = 0; i < n.length; i++) {
      n[i] = Long.parseLong(m.group(i + 1));
    }
    return n;
  }

  private static String funnelLine(String chat) {
    Matcher m = Pattern.compile("\\d+ enrolled → [^\\n]*").matcher(chat);
    assertThat(m.find()).isTrue();
    return m.group();
  }

  private static Map<String, String> csvCells(String csv) {
    Map<String, String> cells = new HashMap<>();
    for (String line : csv.lines().skip(1).toList()) {
      String[] c = line.split(",", 4);
      cells.put(c[0] + "/" + c[1] + "/" + c[2], c[3]);
    }
    return cells;
  }

  /** The charts of the report's direct message, as the outbox holds them. */
  private static List<Chart> reportCharts(Path database) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT payload FROM outbox_message WHERE dedup_key LIKE 'report-charts:%'")) {
      assertThat(rs.next()).as("the report's charts were queued").isTrue();
      return OutboxPayload.parse(rs.getString(1)).attachments().stream()
          .map(ChartAttachment::chart)
          .toList();
    }
  }

  private static long single(Path database, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
