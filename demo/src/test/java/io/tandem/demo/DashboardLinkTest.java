package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.port.out.DashboardLinks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /tandem dashboard}: a private signed link, and no link, no data. */
@DisplayName("Dashboard links")
class DashboardLinkTest {

  static final Pattern LINK =
      Pattern.compile("(http://[^\\s<>|]+/dashboard\\?t=[A-Za-z0-9_\\-.]+)");

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private SimulatedChat chat;
  private Tandem tandem;

  @AfterEach
  void stop() throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      chat.close();
    }
  }

  private void start(SimulatedChat.Kind kind) throws Exception {
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
  }

  /** Four people enrolled and paired, and one session logged. */
  private void pilot() {
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    chat.run("maya", "match approve");
    chat.run("ana", "log 45m Instagram reels");
  }

  static String link(SimulatedChat.Answer answer) {
    Matcher m = LINK.matcher(answer.text());
    assertThat(m.find()).as("a dashboard link in: %s", answer.text()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long single(String sql) throws Exception {
    try (Connection c = tandem.database().dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(
      value = SimulatedChat.Kind.class,
      names = {"SLACK_SOCKET", "DISCORD"})
  @DisplayName("an admin gets a private link that opens the program's dashboard and downloads")
  void adminGetsWorkingLink(SimulatedChat.Kind kind) throws Exception {
    // GIVEN a pilot with pairs and a session
    start(kind);
    pilot();

    // WHEN the admin asks for the dashboard
    SimulatedChat.Answer answer = chat.run("maya", "dashboard");

    // THEN only they see a link to this Tandem's dashboard
    assertThat(answer.privately()).isTrue();
    String link = link(answer);
    assertThat(link).startsWith(tandem.httpUrl().toString());
    assertThat(answer.text()).contains("works until");

    // AND it opens the program's page with its pairs
    HttpResponse<String> page = get(link);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("Reverse mentoring")
        .contains(
            "data-metric=\"sessions\">"
                + single("SELECT COUNT(*) FROM mentoring_session WHERE pair_id IS NOT NULL")
                + "<")
        .contains("chart/funnel.png")
        .doesNotContain("<script")
        .doesNotContain("https://");
    // AND the pairs download carries each pair's health, and nothing of other parts
    HttpResponse<String> csv = get(link.replace("/dashboard?", "/dashboard/export/pairs.csv?"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
    String[] rows = csv.body().split("\r\n");
    assertThat(rows[0]).isEqualTo("section,item,measure,value");
    assertThat(java.util.Arrays.stream(rows).skip(1))
        .allMatch(r -> r.startsWith("pairs,") || r.startsWith("health,"));
    assertThat(java.util.Arrays.stream(rows).filter(r -> r.contains(",bucket,")).count())
        .isEqualTo(single("SELECT COUNT(*) FROM mentoring_pair WHERE status = 'ACTIVE'"));
    // AND the sessions download says how many sessions there were
    assertThat(get(link.replace("/dashboard?", "/dashboard/export/sessions.csv?")).body())
        .contains(
            "sessions,,sessions,"
                + single("SELECT COUNT(*) FROM mentoring_session WHERE pair_id IS NOT NULL"));
  }

  @Test
  @DisplayName("participants get no link")
  void participantsGetNoLink() throws Exception {
    start(SimulatedChat.Kind.SLACK_SOCKET);
    SamplePeople.ALL.forEach(chat::enrol);

    SimulatedChat.Answer answer = chat.run("ben", "dashboard");

    assertThat(answer.text()).contains("Only program admins can do that").doesNotContain("http://");
  }

  @Test
  @DisplayName("a program that does not exist gets the list of those that do, and no link")
  void unknownProgram() throws Exception {
    start(SimulatedChat.Kind.SLACK_SOCKET);
    SamplePeople.ALL.forEach(chat::enrol);

    SimulatedChat.Answer answer = chat.run("maya", "dashboard Shadow pilot");

    assertThat(answer.text())
        .contains("no program called *Shadow pilot*")
        .contains("Reverse mentoring")
        .doesNotContain("http://");
  }

  @Test
  @DisplayName("a missing, altered or expired link opens nothing: page, chart and download are 403")
  void noLinkNoData() throws Exception {
    // GIVEN a pilot and a genuine link
    start(SimulatedChat.Kind.SLACK_SOCKET);
    pilot();
    String link = link(chat.run("maya", "dashboard"));
    String token = link.substring(link.indexOf("t=") + 2);
    String base = tandem.httpUrl() + "dashboard";

    // an altered payload (all programs of workspace 1, by someone else) with the old signature
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String altered =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    payload
                        .replace("|" + userOf(payload) + "|", "|U0SOMEONE|")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1];
    // a genuine signature that expired a second ago
    long workspace = single("SELECT id FROM workspace");
    String expired =
        tandem
            .links()
            .token(
                new DashboardLinks.Grant(workspace, "U0MAYA", null), Instant.now().minusSeconds(1));
    // a different secret's signature
    String forged =
        new io.tandem.app.web.LinkSigner(
                "another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15),
                Clock.systemUTC(),
                tandem.httpUrl())
            .token(
                new DashboardLinks.Grant(workspace, "U0MAYA", null),
                Instant.now().plusSeconds(600));

    for (String bad :
        new String[] {"", "t=", "t=garbage", "t=" + altered, "t=" + expired, "t=" + forged}) {
      for (String path : new String[] {"", "/chart/funnel.png", "/export/pairs.csv", "/pair"}) {
        // WHEN someone opens it
        HttpResponse<String> response = get(base + path + "?" + bad);
        // THEN they are refused and see nothing of the program
        assertThat(response.statusCode()).as("%s?%s", path, bad).isEqualTo(403);
        assertThat(response.body())
            .contains("expired or is not valid")
            .doesNotContain("Reverse mentoring")
            .doesNotContain("ana")
            .doesNotContain("chioma");
      }
    }
    // AND the genuine link still works
    assertThat(get(link).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a link for one program does not open another")
  void linkForOneProgram() throws Exception {
    // GIVEN a second program and a link for it alone
    start(SimulatedChat.Kind.SLACK_SOCKET);
    pilot();
    chat.run("maya", "program create Data pilot every 2w skills Instagram, SQL");
    String link = link(chat.run("maya", "dashboard Data pilot"));
    long other = single("SELECT id FROM program WHERE name = 'Reverse mentoring'");

    // WHEN its holder asks for the other program
    HttpResponse<String> own = get(link);
    HttpResponse<String> response = get(link + "&program=" + other);

    // THEN only its own program opens
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("Data pilot").doesNotContain("Reverse mentoring");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("Reverse mentoring").doesNotContain("ana");
  }

  @Test
  @DisplayName("the period filter narrows the numbers; a wrong period says why and shows all")
  void periodFilter() throws Exception {
    // GIVEN a pilot with a session today and a link
    start(SimulatedChat.Kind.SLACK_SOCKET);
    pilot();
    String link = link(chat.run("maya", "dashboard"));
    long sessions = single("SELECT COUNT(*) FROM mentoring_session WHERE pair_id IS NOT NULL");

    // WHEN the admin looks at a month long before the program, the last 30 days, and a typo
    String before = get(link + "&period=2020-01-01..2020-01-31").body();
    String recent = get(link + "&period=30d").body();
    HttpResponse<String> typo = get(link + "&period=last+month");

    // THEN each shows the sessions of that period
    assertThat(before).contains("data-metric=\"sessions\">0<").contains("2020-01-01 to 2020-01-31");
    assertThat(recent).contains("data-metric=\"sessions\">" + sessions + "<");
    assertThat(typo.statusCode()).isEqualTo(200);
    assertThat(typo.body())
        .contains("is not a period")
        .contains("Showing the whole program instead")
        .contains("data-metric=\"sessions\">" + sessions + "<");
  }

  private static String userOf(String payload) {
    return payload.split("\\|")[2];
  }
}
