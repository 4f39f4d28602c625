package io.tandem.core.surveys;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.reports.chart.Chart;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulse surveys against a real SQLite file with a clock the test moves. */
@DisplayName("Pulse surveys")
class SurveysTest {

  static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");
  static final Actor MAYA =
      new Actor(Platform.SLACK, "T_ACME", "U0MAYA", "Maya", "Europe/Berlin", true);

  @TempDir Path dir;

  TestDatabase testDatabase;
  Database db;
  MutableClock clock;
  SurveysFeature surveys;
  CommandDispatcher tandem;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    clock = new MutableClock(NOW);
    db = testDatabase.open(clock);
    surveys = new SurveysFeature(db, clock, SurveySettings.defaults());
    tandem = UseCaseFixture.dispatcher(db, clock, surveys);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName(
      "send, answer inline once, refuse outsiders, remind, close, and hide results below 5")
  void inlineRunBelowThreshold() {
    // GIVEN four participants
    List<Actor> people = people(4);
    people.forEach(p -> enrol(db, clock, p, Role.MENTOR));

    // WHEN the admin sends the monthly pulse
    Reply sent = run(MAYA, "survey send monthly-pulse");
    assertThat(sent.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(sent.text()).contains("run #1").contains("4 people");
    assertThat(count("survey_invitee")).isEqualTo(4);
    assertThat(rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'survey:%'"))
        .hasSize(4);

    // AND a participant clicks twice, another once
    Reply first = tandem.clicked(people.get(0), "D1", SurveysFeature.ANSWER_ACTION, "1:4");
    Reply again = tandem.clicked(people.get(0), "D1", SurveysFeature.ANSWER_ACTION, "1:2");
    tandem.clicked(people.get(1), "D1", SurveysFeature.ANSWER_ACTION, "1:5");
    Reply outsider = tandem.clicked(MAYA, "D1", SurveysFeature.ANSWER_ACTION, "1:5");

    // THEN the first counts once; the outsider is told privately
    assertThat(first.text()).contains("recorded anonymously");
    assertThat(again.text()).contains("already answered");
    assertThat(outsider.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(outsider.text()).contains("was not sent to you");
    assertThat(rows(db, "SELECT SUM(responses) FROM survey_tally")).containsExactly("2");

    // WHEN the reminder is due, the two who did not answer are reminded once
    clock.set(NOW.plus(Duration.ofDays(3)).plusSeconds(60));
    surveys.job().run(clock.instant());
    surveys.job().run(clock.instant());
    assertThat(
            rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'survey-remind:%'"))
        .hasSize(2);

    // AND after close no answer is accepted
    clock.set(NOW.plus(Duration.ofDays(5)).plusSeconds(60));
    surveys.job().run(clock.instant());
    Reply late = tandem.clicked(people.get(2), "D1", SurveysFeature.ANSWER_ACTION, "1:3");
    assertThat(late.text()).contains("closed");
    assertThat(rows(db, "SELECT type FROM signal WHERE type LIKE 'SURVEY_%' ORDER BY type"))
        .contains("SURVEY_SENT", "SURVEY_ANSWERED", "SURVEY_REMINDED", "SURVEY_CLOSED");

    // AND results with 2 respondents reveal nothing, and no chart is sent
    Reply results = run(MAYA, "survey results 1");
    assertThat(results.text()).contains("2 of 4 answered").contains("not enough responses");
    assertThat(results.fields()).isEmpty();
    assertThat(results.text()).doesNotContain("Mean");
    assertThat(rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'survey-res%'"))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "a form run: answers counted, NPS and change since the previous run, no link to people")
  void formRunWithResults() {
    List<Actor> people = people(6);
    people.forEach(p -> enrol(db, clock, p, Role.MENTEE));

    // GIVEN a first end-of-program run answered by 5 people with 7
    run(MAYA, "survey send end-of-program");
    for (int i = 0; i < 5; i++) {
      answerForm(people.get(i), 1, "7", "3");
    }
    // WHEN a second run is answered by 6 people with 10 and 5
    clock.set(NOW.plus(Duration.ofDays(20)));
    surveys.job().run(clock.instant());
    run(MAYA, "survey send end-of-program");
    Reply form = tandem.clicked(people.get(0), "D1", SurveysFeature.OPEN_ACTION, "2");
    assertThat(form.form()).isNotNull();
    assertThat(form.form().inputs()).hasSize(4);
    Reply bad =
        tandem.submitted(people.get(0), "D1", "survey:2", Map.of("q1", "11", "q2", "4", "q3", "4"));
    assertThat(bad.inputErrors()).containsKey("q1");
    for (int i = 0; i < 6; i++) {
      answerForm(people.get(i), 2, "10", "5");
    }
    Reply twice =
        tandem.submitted(people.get(0), "D1", "survey:2", Map.of("q1", "0", "q2", "1", "q3", "1"));
    assertThat(twice.text()).contains("already answered");

    // THEN the admin is told the results come as a DM with a chart per scale question
    Reply answer = run(MAYA, "survey results 2");
    assertThat(answer.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(answer.text()).contains("direct message").contains("3 charts");
    // AND the DM shows the distribution, mean, NPS and the change
    OutboxPayload dm = resultsDm(2);
    assertThat(dm.target()).isEqualTo(new ChatTarget.DirectMessage(MAYA.userId()));
    Reply results = dm.reply();
    assertThat(results.text()).contains("6 of 6 answered (100%)");
    String nps = results.fields().get(0).value();
    assertThat(nps)
        .contains("10: 6")
        .contains("NPS +100")
        .contains("since run #1")
        .contains("mean +3.0, NPS +100");
    assertThat(results.fields().get(3).value()).contains("not enough responses");
    // AND each chart holds this run's and the previous run's distribution
    assertThat(dm.attachments())
        .extracting(ChartAttachment::fileName)
        .containsExactly("survey-2-q1.png", "survey-2-q2.png", "survey-2-q3.png");
    Chart npsChart = dm.attachments().get(0).chart();
    assertThat(npsChart.categories()).hasSize(11).startsWith("0").endsWith("10");
    assertThat(npsChart.series())
        .extracting(Chart.Series::name)
        .containsExactly("run #2", "run #1");
    assertThat(npsChart.series().get(0).values().get(10)).isEqualTo(6.0);
    assertThat(npsChart.series().get(1).values().get(7)).isEqualTo(5.0);
    // AND asking again before anything changed sends nothing new
    assertThat(run(MAYA, "survey results 2").text()).contains("have not changed");
    assertThat(rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'survey-res%'"))
        .hasSize(1);

    // AND nothing that holds answers names a person or a time
    assertThat(columns("survey_tally")).doesNotContain("member_id", "answered_at", "created_at");
    assertThat(columns("survey_text")).doesNotContain("member_id", "answered_at", "created_at");
    assertThat(rows(db, "SELECT answered_on FROM survey_invitee WHERE run_id = 2"))
        .allMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"));
    assertThat(count("survey_named_answer")).isZero();
  }

  @Test
  @DisplayName("survey schedule fires at the right local time, and list and cancel work")
  void schedule() {
    people(3).forEach(p -> enrol(db, clock, p, Role.MENTOR));
    Reply scheduled = run(MAYA, "survey schedule monthly-pulse monthly on day 1 at 10:00");
    assertThat(scheduled.text()).contains("2025-04-01 10:00").contains("Europe/Berlin");

    // 10:00 in Berlin on 1 April is 08:00 UTC
    clock.set(Instant.parse("2025-04-01T07:59:00Z"));
    surveys.job().run(clock.instant());
    assertThat(count("survey_run")).isZero();
    clock.set(Instant.parse("2025-04-01T08:00:30Z"));
    surveys.job().run(clock.instant());
    surveys.job().run(clock.instant());
    assertThat(count("survey_run")).isEqualTo(1);

    assertThat(run(MAYA, "survey list").fields())
        .anyMatch(f -> f.label().startsWith("Run #1"))
        .anyMatch(f -> f.label().startsWith("Schedule #1"));
    assertThat(run(MAYA, "survey cancel schedule 1").kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(run(MAYA, "survey cancel 1").text()).contains("Closed run #1");
    Actor participant = new Actor(Platform.SLACK, "T_ACME", "U0P0", "P0", "Europe/Berlin", false);
    assertThat(run(participant, "survey send monthly-pulse").text())
        .contains("Only program admins");
  }

  @Test
  @DisplayName(
      "a program admin's survey list shows their program's runs only; a participant's none")
  void programAdminListsTheirOwnRuns() {
    List<Actor> people = people(6);
    people.subList(0, 3).forEach(p -> enrol(db, clock, p, Role.MENTOR));
    assertThat(run(MAYA, "survey send monthly-pulse").kind()).isEqualTo(Reply.Kind.SUCCESS);
    run(MAYA, "program create Beta");
    run(MAYA, "program open Beta");
    people.subList(3, 6).forEach(p -> enrol(db, clock, p, Role.MENTOR, "Beta", "Sales", "UTC"));
    assertThat(run(MAYA, "survey send monthly-pulse Beta").kind()).isEqualTo(Reply.Kind.SUCCESS);
    Actor lee = new Actor(Platform.SLACK, "T_ACME", "U0LEE", "Lee", "Europe/Berlin", false);
    assertThat(run(MAYA, "program admins add @U0LEE Beta").kind()).isEqualTo(Reply.Kind.SUCCESS);

    assertThat(run(MAYA, "survey list").fields())
        .anyMatch(f -> f.label().startsWith("Run #1"))
        .anyMatch(f -> f.label().startsWith("Run #2"));
    Reply lees = run(lee, "survey list");
    assertThat(lees.kind()).isNotEqualTo(Reply.Kind.ERROR);
    assertThat(lees.fields())
        .anyMatch(f -> f.label().startsWith("Run #2"))
        .noneMatch(f -> f.label().startsWith("Run #1"));
    Reply participant = run(people.get(0), "survey list");
    assertThat(participant.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(participant.fields()).isEmpty();
  }

  @Test
  @DisplayName("with 4 respondents every results path reveals nothing: chat, charts and the API")
  void fourRespondentsRevealNothing() {
    // GIVEN an end-of-program run (NPS, two likert questions and free text) sent to 6 people
    List<Actor> people = people(6);
    people.forEach(p -> enrol(db, clock, p, Role.MENTEE));
    run(MAYA, "survey send end-of-program");
    // WHEN 4 answer it, all with the same distinctive answers and a comment
    for (int i = 0; i < 4; i++) {
      Reply saved =
          tandem.submitted(
              people.get(i),
              "D1",
              "survey:1",
              Map.of("q1", "9", "q2", "2", "q3", "2", "q4", "comment " + i));
      assertThat(saved.text()).contains("recorded");
    }

    // THEN the chat command shows only the response rate and queues no DM and no chart
    Reply chat = run(MAYA, "survey results 1");
    assertThat(chat.text()).contains("4 of 6 answered").contains("not enough responses");
    assertThat(chat.fields()).isEmpty();
    assertThat(chat.text()).doesNotContain("Mean").doesNotContain("NPS").doesNotContain("comment");
    assertThat(rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'survey-res%'"))
        .isEmpty();
    // AND the one results API every other path (report, CSV, dashboard) reads holds nothing
    long workspace = Long.parseLong(rows(db, "SELECT id FROM workspace").get(0));
    SurveyResults api = surveys.results().read(workspace, 1).orElseThrow();
    assertThat(api.answered()).isEqualTo(4);
    assertThat(api.enoughResponses()).isFalse();
    assertThat(api.charts()).isEmpty();
    assertThat(api.previousRunId()).isNull();
    assertThat(api.questions())
        .hasSize(4)
        .allSatisfy(
            q -> {
              assertThat(q.shown()).isFalse();
              assertThat(q.counts()).isEmpty();
              assertThat(q.previousCounts()).isEmpty();
              assertThat(q.texts()).isEmpty();
              assertThat(q.mean()).isNull();
              assertThat(q.nps()).isNull();
              assertThat(q.chart(1, null)).isEmpty();
            });
    assertThat(api.reply().text()).contains("not enough responses").doesNotContain("Mean");
    assertThat(api.reply().fields()).isEmpty();
    // AND another workspace cannot read the run at all
    assertThat(surveys.results().read(workspace + 1, 1)).isEmpty();
  }

  @Test
  @DisplayName("free-text answers reach the admin's results as people's text, not as markup")
  void textsArePeoplesText() {
    // GIVEN enough people for comments to show, each writing a hostile or a plain one
    List<Actor> people = people(SurveySettings.TEXT_THRESHOLD);
    people.forEach(p -> enrol(db, clock, p, Role.MENTEE));
    run(MAYA, "survey send end-of-program");
    List<String> written = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      String comment =
          i == 0
              ? "*Verify* `now` <https://evil.example|here>"
              : i == 1 ? "<!channel> [Verify](https://evil.example)" : "fine " + i;
      written.add(comment);
      tandem.submitted(
          people.get(i), "D1", "survey:1", Map.of("q1", "8", "q2", "4", "q3", "4", "q4", comment));
    }

    // WHEN the admin's results are composed
    long workspace = Long.parseLong(rows(db, "SELECT id FROM workspace").get(0));
    Reply results = surveys.results().read(workspace, 1).orElseThrow().reply();

    // THEN every comment is people's text, and none is read as Tandem's formatting or a link
    List<Markup.Piece> comments =
        Markup.parse(results.fields().get(results.fields().size() - 1).value());
    assertThat(comments).contains(new Markup.People("*Verify* `now` <https://evil.example|here>"));
    assertThat(comments).noneMatch(piece -> piece instanceof Markup.Mention);
    assertThat(comments).noneMatch(piece -> piece instanceof Markup.Link);
    assertThat(Markup.plain(results.fields().get(results.fields().size() - 1).value()))
        .contains(written);
  }

  @Test
  @DisplayName("each free-text answer writes one new row and moves at most one, with random ids")
  void textsStoredInPlace() {
    List<Actor> people = people(3);
    people.forEach(p -> enrol(db, clock, p, Role.MENTEE));
    run(MAYA, "survey send end-of-program");
    List<String> written = List.of("zebra crossing", "apple pie", "mango season");
    List<String> before = List.of();
    for (int i = 0; i < 3; i++) {
      tandem.submitted(
          people.get(i),
          "D1",
          "survey:1",
          Map.of("q1", "8", "q2", "4", "q3", "4", "q4", written.get(i)));
      List<String> after = rows(db, "SELECT id || ':' || text FROM survey_text ORDER BY rowid");
      // one row more; every row there was stays, in its place, at most a few holding another text
      assertThat(after).hasSize(i + 1);
      assertThat(ids(after).subList(0, before.size())).isEqualTo(ids(before));
      List<String> kept = new ArrayList<>(before);
      kept.retainAll(after);
      assertThat(kept)
          .hasSizeGreaterThanOrEqualTo(before.size() - (AnswerSurvey.MIXED_PER_ANSWER - 1));
      before = after;
    }

    // every text once, under distinct ids that are not a counter
    assertThat(rows(db, "SELECT text FROM survey_text"))
        .containsExactlyInAnyOrderElementsOf(written);
    List<String> ids = rows(db, "SELECT id FROM survey_text");
    assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.length() < 6);
    // and every count exists from the send, so the counts' order is the answers' order, not time
    List<String> tally =
        rows(db, "SELECT question || ':' || answer FROM survey_tally ORDER BY rowid");
    assertThat(tally).hasSize(11 + 5 + 5).startsWith("0:0", "0:1").endsWith("2:4", "2:5");
    // and who answered is kept by day only
    assertThat(rows(db, "SELECT answered_on FROM survey_invitee WHERE answered_on IS NOT NULL"))
        .containsOnly("2025-03-04");
  }

  @Test
  @DisplayName("run and schedule numbers come from the store's id source and stay dense")
  void idsFromIdGen() {
    people(2).forEach(p -> enrol(db, clock, p, Role.MENTOR));

    assertThat(run(MAYA, "survey send monthly-pulse").text()).contains("run #1");
    assertThat(run(MAYA, "survey send monthly-pulse").text()).contains("run #2");
    assertThat(run(MAYA, "survey schedule monthly-pulse monthly on day 1 at 10:00").text())
        .contains("schedule #1");

    assertThat(rows(db, "SELECT next_val FROM id_gen WHERE name = 'survey_run'"))
        .containsExactly("2");
    assertThat(rows(db, "SELECT next_val FROM id_gen WHERE name = 'survey_schedule'"))
        .containsExactly("1");
  }

  private OutboxPayload resultsDm(long run) {
    List<String> payloads =
        rows(
            db,
            "SELECT payload FROM outbox_message WHERE dedup_key LIKE 'survey-results:"
                + run
                + ":%' ORDER BY id DESC");
    assertThat(payloads).as("a results DM for run " + run).isNotEmpty();
    return OutboxPayload.parse(payloads.get(0));
  }

  private void answerForm(Actor person, long run, String nps, String likert) {
    Reply saved =
        tandem.submitted(
            person, "D1", "survey:" + run, Map.of("q1", nps, "q2", likert, "q3", likert));
    assertThat(saved.text()).contains("recorded");
  }

  private List<Actor> people(int n) {
    List<Actor> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      people.add(new Actor(Platform.SLACK, "T_ACME", "U0P" + i, "P" + i, "Europe/Berlin", false));
    }
    return people;
  }

  private Reply run(Actor actor, String text) {
    return tandem.handle(new Invocation(actor, "C1", text));
  }

  private long count(String table) {
    return Long.parseLong(rows(db, "SELECT COUNT(*) FROM " + table).get(0));
  }

  private List<String> columns(String table) {
    return rows(db, "SELECT name FROM pragma_table_info('" + table + "')");
  }

  private static List<String> ids(List<String> idAndText) {
    return idAndText.stream().map(row -> row.substring(0, row.indexOf(':'))).toList();
  }
}
