package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.tandem.app.Tandem;
import io.tandem.core.port.out.DashboardLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): the page loads, its charts render, its numbers are the
 * database's, and an expired or forged link shows nothing. Skipped where chromedriver is not
 * installed. Screenshots land in {@code target/dashboard-*.png}.
 */
@DisplayName("Dashboard in headless Chromium")
class DashboardBrowserTest {

  private static final Path TARGET = Path.of("target");

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private Chromium browser;

  @BeforeEach
  void needsChromium() {
    assumeTrue(
        Chromium.installed(),
        "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      chat.close();
    }
  }

  @Test
  @DisplayName("an admin's link shows the database's numbers, working charts and pair drill-down")
  void dashboardShowsTheDatabase() throws Exception {
    // GIVEN a pilot: four people enrolled and paired, sessions logged by both pairs
    chat = SimulatedChat.start(SimulatedChat.Kind.SLACK_SOCKET);
    chat.makeAdmin("maya");
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    chat.run("maya", "match approve");
    chat.run("ana", "log 45m Instagram reels");
    chat.run("ben", "log 1h30m How the team recruits on TikTok");
    chat.run("dev", "log 1h Figma basics");
    chat.run("ana", "goal add Learn TikTok ads");
    chat.run("ben", "task add 1 Watch three ads with Ana");
    String link = DashboardLinkTest.link(chat.run("maya", "dashboard"));
    // … and what the database says, by the test's own queries
    long program = single("SELECT id FROM program WHERE name = 'Reverse mentoring'");
    long sessions =
        single(
            "SELECT COUNT(*) FROM mentoring_session WHERE pair_id IS NOT NULL AND program_id = "
                + program);
    long minutes =
        single(
            "SELECT COALESCE(SUM(minutes), 0) FROM mentoring_session"
                + " WHERE pair_id IS NOT NULL AND program_id = "
                + program);
    long pairs =
        single(
            "SELECT COUNT(*) FROM mentoring_pair WHERE status = 'ACTIVE' AND program_id = "
                + program);
    long enrolled =
        single(
            "SELECT COUNT(*) FROM participant WHERE status <> 'WAITLISTED' AND program_id = "
                + program);
    long goals = single("SELECT COUNT(*) FROM goal WHERE program_id = " + program);
    long tasks =
        single(
            "SELECT COUNT(*) FROM goal_task t JOIN mentoring_pair p ON p.id = t.pair_id"
                + " WHERE p.program_id = "
                + program);
    long ratings = single("SELECT COUNT(usefulness) FROM session_note");
    long joins =
        single(
            "SELECT COUNT(*) FROM signal WHERE type = 'PARTICIPANT_JOINED' AND program_id = "
                + program);
    long matches =
        single(
            "SELECT COUNT(*) FROM signal WHERE type = 'PAIR_CREATED' AND program_id = " + program);
    Map<String, Long> sessionsByMentor = sessionsByMentor(program);
    assertThat(sessions).isEqualTo(2);

    // WHEN the admin opens the link in a browser
    browser = Chromium.start(TARGET.resolve("chromedriver.log"));
    browser.open(link);

    // THEN the page loads with the program's name
    assertThat(browser.text("return document.title")).contains("Reverse mentoring");
    // AND every chart is a decoded image, drawn by the server
    JsonArray charts =
        browser
            .script(
                "return Array.from(document.querySelectorAll('img.chart')).map(i =>"
                    + " [i.id, i.complete, i.naturalWidth, i.naturalHeight])")
            .getAsJsonArray();
    assertThat(charts.size()).isEqualTo(4);
    assertThat(charts.get(3).getAsJsonArray().get(0).getAsString()).isEqualTo("chart-events");
    for (JsonElement chart : charts) {
      JsonArray c = chart.getAsJsonArray();
      assertThat(c.get(1).getAsBoolean()).as("%s loaded", c.get(0)).isTrue();
      assertThat(c.get(2).getAsInt()).as("%s width", c.get(0)).isGreaterThan(0);
      assertThat(c.get(3).getAsInt()).as("%s height", c.get(0)).isGreaterThan(0);
    }
    // AND the headline numbers are the database's
    assertThat(metric("sessions")).isEqualTo(Long.toString(sessions));
    assertThat(metric("hours")).isEqualTo(String.format(Locale.ROOT, "%.1f", minutes / 60.0));
    assertThat(metric("pairs")).isEqualTo(Long.toString(pairs));
    assertThat(metric("enrolled")).isEqualTo(Long.toString(enrolled));
    assertThat(metric("goals")).startsWith(goals + " / ");
    assertThat(metric("tasks")).isEqualTo(tasks + " / 0");
    assertThat(tasks).isEqualTo(1);
    // no rating was given (the log command asks for none): below any threshold
    assertThat(ratings).isZero();
    assertThat(metric("usefulness")).isEqualTo("no ratings yet");
    // AND the events table has today's joins and matches, the database's counts
    JsonArray events =
        browser
            .script(
                "return Array.from(document.querySelectorAll('#events tbody tr')).map(r =>"
                    + " Array.from(r.cells).map(c => c.innerText))")
            .getAsJsonArray();
    assertThat(events.size()).isEqualTo(1);
    JsonArray day = events.get(0).getAsJsonArray();
    assertThat(day.get(1).getAsString()).isEqualTo(Long.toString(joins));
    assertThat(day.get(2).getAsString()).isEqualTo(Long.toString(matches));
    assertThat(joins).isEqualTo(4);
    assertThat(matches).isEqualTo(2);
    // AND the pairs table has one row per pair, each with its sessions
    JsonArray rows =
        browser
            .script(
                "return Array.from(document.querySelectorAll('#pairs tbody tr[data-pair]')).map(r"
                    + " => [r.cells[0].innerText, r.querySelector('[data-col=sessions]').innerText])")
            .getAsJsonArray();
    assertThat(rows.size()).isEqualTo(pairs);
    Map<String, Long> shown = new HashMap<>();
    rows.forEach(
        r ->
            shown.put(
                r.getAsJsonArray().get(0).getAsString(),
                Long.parseLong(r.getAsJsonArray().get(1).getAsString())));
    assertThat(shown).isEqualTo(sessionsByMentor);
    browser.screenshot(TARGET.resolve("dashboard-overview.png"));

    // WHEN the admin opens a pair
    browser.script("document.querySelector('#pairs tbody tr[data-pair] a').click(); return null");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                browser
                    .script("return document.querySelector('svg#score-parts') !== null")
                    .getAsBoolean());

    // THEN its score parts are drawn as SVG
    assertThat(
            browser
                .script("return document.querySelectorAll('svg#score-parts rect.part').length")
                .getAsInt())
        .isEqualTo(4);
    assertThat(metric("score")).endsWith("/ 100");
    // AND its sessions are listed and drawn, one bar each, as the database holds them
    long pairId =
        Long.parseLong(browser.text("return new URL(location.href).searchParams.get('pair')"));
    long pairSessions = single("SELECT COUNT(*) FROM mentoring_session WHERE pair_id = " + pairId);
    assertThat(pairSessions).isPositive();
    assertThat(
            browser
                .script("return document.querySelectorAll('#sessions tbody tr').length")
                .getAsLong())
        .isEqualTo(pairSessions);
    assertThat(
            browser
                .script("return document.querySelectorAll('svg#meetings rect.meeting').length")
                .getAsLong())
        .isEqualTo(pairSessions);
    assertThat(browser.text("return document.querySelector('#plan').innerText"))
        .contains(
            "of " + single("SELECT COUNT(*) FROM goal WHERE pair_id = " + pairId) + " reached");
    browser.screenshot(TARGET.resolve("dashboard-pair.png"));

    // WHEN someone opens an expired link, or one signed with another secret
    long workspace = single("SELECT id FROM workspace");
    String expired =
        tandem
            .links()
            .token(
                new DashboardLinks.Grant(workspace, "U0MAYA", null), Instant.now().minusSeconds(5));
    browser.open(tandem.httpUrl() + "dashboard?t=" + expired);
    String expiredPage = browser.text("return document.body.innerText");
    String token = link.substring(link.indexOf("t=") + 2);
    browser.open(tandem.httpUrl() + "dashboard?t=" + token.substring(0, token.length() - 2) + "xx");
    String forgedPage = browser.text("return document.body.innerText");
    browser.screenshot(TARGET.resolve("dashboard-refused.png"));

    // THEN both are refused and show nothing of the program
    for (String page : new String[] {expiredPage, forgedPage}) {
      assertThat(page).contains("expired or is not valid").doesNotContain("Reverse mentoring");
    }
    assertThat(browser.script("return document.querySelectorAll('img, table').length").getAsInt())
        .isZero();
    assertThat(Files.size(TARGET.resolve("dashboard-overview.png"))).isGreaterThan(10_000);
  }

  private String metric(String name) throws Exception {
    return browser.text(
        "return document.querySelector('[data-metric=\"" + name + "\"]').innerText.trim()");
  }

  private long single(String sql) throws Exception {
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Sessions per pair, by the mentor's display name as the dashboard shows it. */
  private Map<String, Long> sessionsByMentor(long program) throws Exception {
    Map<String, Long> byMentor = new HashMap<>();
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT p.id, (SELECT COUNT(*) FROM mentoring_session s WHERE s.pair_id = p.id),"
                    + " m.display_name FROM mentoring_pair p"
                    + " JOIN participant r ON r.id = p.mentor_id"
                    + " JOIN member m ON m.id = r.member_id"
                    + " WHERE p.program_id = ? AND p.status = 'ACTIVE'")) {
      ps.setLong(1, program);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byMentor.put(rs.getString(3), rs.getLong(2));
        }
      }
    }
    return byMentor;
  }
}
