package io.tandem.core.privacy;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.participant;
import static io.tandem.core.usecases.UseCaseFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.kernel.Role;
import io.tandem.core.learning.LearningFeature;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.privacy.persistence.PersonalDataRows;
import io.tandem.core.reports.ProgramReport;
import io.tandem.core.reports.Reports;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveyTemplate;
import io.tandem.core.surveys.SurveysFeature;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person with data in every table asks for it, then to be forgotten: the file holds every
 * section, and afterwards no row names them while the report's counts stay the same.
 */
@DisplayName("my data and forget me")
class ForgetPersonTest {

  static final Instant PAIRED = Instant.parse("2025-03-01T10:00:00Z");
  static final Instant NOW = Instant.parse("2025-03-04T09:15:30Z");

  static final Actor QUIN =
      new Actor(
          Platform.SLACK,
          "T_ACME",
          "U0QUIN",
          "Quinella Ashdown",
          "Europe/Berlin",
          false,
          "Quinella.Ashdown@example.com");
  static final Actor BEN = actor("U0BEN", "Ben", false);
  static final Actor CAL = actor("U0CAL", "Cal", false);
  static final Actor MAYA = actor("U0MAYA", "Maya", true);

  /** What identifies Quinella anywhere in the database. */
  static final List<String> IDENTIFIERS =
      List.of("U0QUIN", "Quinella", "Ashdown", "quinella.ashdown@example.com");

  /** The tables whose rows reports count: erasure keeps every row. */
  static final List<String> COUNTED =
      List.of(
          "member",
          "participant",
          "mentoring_pair",
          "mentoring_session",
          "session_note",
          "goal",
          "goal_task",
          "skill_rating",
          "survey_invitee",
          "survey_named_answer",
          "pair_checkin");

  @TempDir Path dir;

  TestDatabase testDatabase;
  Database db;
  MutableClock clock;
  CommandDispatcher tandem;
  SurveySettings surveySettings;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    clock = new MutableClock(PAIRED);
    db = testDatabase.open(clock);
    surveySettings =
        SurveySettings.of(
            5,
            List.of(
                new SurveyTemplate(
                    "named-check",
                    "Named check",
                    false,
                    SurveyTemplate.Audience.ALL,
                    Duration.ofDays(5),
                    Duration.ofDays(3),
                    List.of(
                        SurveyTemplate.Question.likert("How is it going?"),
                        SurveyTemplate.Question.text("Anything else?")))));
    tandem = UseCaseFixture.dispatcher(db, clock, new SurveysFeature(db, clock, surveySettings));
    enrol(db, clock, BEN, Role.MENTOR);
    enrol(db, clock, QUIN, Role.MENTEE);
    enrol(db, clock, CAL, Role.MENTEE);
    PrivacyFixture.pair(db, BEN, QUIN, PAIRED);
    clock.set(NOW);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName(
      "the file holds every section; after forget me nothing names her and the counts hold")
  void exportThenForget() throws SQLException {
    // GIVEN Quinella with data in every place the list names
    givenDataEverywhere();

    // WHEN she asks for her data
    Reply sending = run(QUIN, "my data");

    // THEN she is told privately, and a file with every section goes to her DM
    assertThat(sending.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(sending.visibility()).isEqualTo(Reply.Visibility.PRIVATE);
    assertThat(sending.text()).contains("Sending your data as a file");
    OutboxPayload dm =
        OutboxPayload.parse(
            rows(db, "SELECT payload FROM outbox_message WHERE dedup_key LIKE 'mydata:%'").get(0));
    assertThat(dm.target().primaryRecipient()).isEqualTo("U0QUIN");
    assertThat(dm.files()).hasSize(1);
    String file = dm.files().get(0).text();
    assertThat(dm.files().get(0).fileName()).isEqualTo("tandem-my-data-2025-03-04.json");
    JsonObject json = JsonParser.parseString(file).getAsJsonObject();
    for (PersonalData.Rule rule : PersonalData.RULES) {
      if (rule.exportWhere() != null) {
        assertThat(json.has(rule.what())).as(rule.what()).isTrue();
        assertThat(json.getAsJsonArray(rule.what())).as(rule.what()).isNotEmpty();
      }
    }
    assertThat(file)
        .contains("SECRET diary")
        .contains("quinella.ashdown@example.com")
        .contains("Learn zebra budgeting")
        .contains("Zebra budgets on time")
        .contains("Quinella says hi")
        .contains("\"excluded_user_id\": \"U0CAL\"")
        .contains("2025-03-04T09:15:30Z");
    assertThat(file).contains("\n  \"profile\": [");

    // AND with the report and the row counts as they are now
    long program = participant(QUIN).getProgramId();
    ProgramReport.Period period =
        new ProgramReport.Period(PAIRED.minus(Duration.ofDays(7)), NOW.plusSeconds(1));
    Reports reports = new Reports(db, clock, surveySettings);
    ProgramReport before = reports.compute(program, period).orElseThrow();
    Map<String, Long> countsBefore = counts();

    // WHEN she asks to be forgotten, and confirms
    clock.set(NOW.plusSeconds(10));
    Reply ask = run(QUIN, "forget me");
    assertThat(ask.buttons())
        .extracting(Reply.Button::value)
        .containsExactly("forget me confirm", "my data");
    assertThat(counts()).isEqualTo(countsBefore);
    Reply done = tandem.clicked(QUIN, "D1", CommandDispatcher.COMMAND_ACTION, "forget me confirm");

    // THEN she is told, and no text anywhere names her
    assertThat(done.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(done.text()).contains("erased your data");
    assertThat(mentionsOf(IDENTIFIERS)).isEmpty();
    // AND what she wrote is gone
    assertThat(rows(db, "SELECT private_note || taught || learned || topic FROM session_note"))
        .noneMatch(t -> t.contains("SECRET") || t.contains("quokka"));
    assertThat(rows(db, "SELECT text FROM goal")).noneMatch(t -> t.contains("zebra"));
    assertThat(rows(db, "SELECT outcome_text FROM goal"))
        .noneMatch(t -> t != null && t.contains("Zebra"));
    assertThat(rows(db, "SELECT text FROM goal_task")).noneMatch(t -> t.contains("zebra"));
    assertThat(rows(db, "SELECT text FROM survey_named_answer")).containsOnlyNulls();
    assertThat(rows(db, "SELECT note FROM pair_checkin")).containsOnlyNulls();
    assertThat(rows(db, "SELECT manager FROM participant WHERE manager IS NOT NULL")).isEmpty();
    // AND her partner was told kindly, without her name
    assertThat(
            rows(
                db,
                "SELECT payload FROM outbox_message WHERE recipient_user_id = 'U0BEN'"
                    + " AND dedup_key LIKE 'left:%'"))
        .singleElement()
        .asString()
        .contains("Your partner has left")
        .contains("matched with someone new");
    // AND nothing more is queued for her
    assertThat(
            rows(
                db,
                "SELECT COUNT(*) FROM outbox_message WHERE state = 'QUEUED'"
                    + " AND recipient_user_id LIKE 'erased-%'"))
        .containsExactly("0");
    // AND the rows reports count are all still there, and the report's numbers are the same
    Map<String, Long> countsAfter = counts();
    for (String table : COUNTED) {
      assertThat(countsAfter.get(table)).as(table).isEqualTo(countsBefore.get(table));
    }
    assertThat(countsAfter.get("exclusion")).isZero();
    // her admin row is gone; Maya's, kept since she ran admin commands, stays
    assertThat(rows(db, "SELECT user_id FROM workspace_admin")).containsExactly("U0MAYA");
    ProgramReport after = reports.compute(program, period).orElseThrow();
    assertThat(after.funnel()).isEqualTo(before.funnel());
    assertThat(after.weeks()).isEqualTo(before.weeks());
    assertThat(after.health().pairs()).isEqualTo(before.health().pairs());
    assertThat(after.health().sessions()).isEqualTo(before.health().sessions());
    assertThat(after.health().hours()).isEqualTo(before.health().hours());
    assertThat(after.health().goalsSet()).isEqualTo(before.health().goalsSet());
    assertThat(after.health().goalsDone()).isEqualTo(before.health().goalsDone());
    assertThat(after.health().skillsReRated()).isEqualTo(before.health().skillsReRated());
    assertThat(after.health().sessions()).isPositive();
    // AND the erasure is in the audit log, without her
    assertThat(rows(db, "SELECT erased_by FROM erasure_audit")).containsExactly("self");
    // AND Tandem no longer knows her
    assertThat(run(QUIN, "my data").text()).contains("holds nothing about you");
  }

  @Test
  @DisplayName("admins can forget someone; others cannot; bad input gets an example")
  void adminForgets() {
    Reply refused = run(BEN, "forget @U0CAL");
    assertThat(refused.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(refused.text()).contains("Only workspace admins");

    Reply ask = run(MAYA, "forget @U0CAL");
    assertThat(ask.buttons()).extracting(Reply.Button::value).contains("forget @U0CAL confirm");
    Reply done = run(MAYA, "forget @U0CAL confirm");

    assertThat(done.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(mentionsOf(List.of("U0CAL"))).isEmpty();
    assertThat(rows(db, "SELECT erased_by FROM erasure_audit")).containsExactly("admin U0MAYA");
    assertThat(run(MAYA, "forget @U0NOBODY confirm").text()).contains("holds nothing");

    Reply bad = run(QUIN, "forget everyone");
    assertThat(bad.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(bad.text()).contains("neither `me` nor a mention");
    assertThat(run(QUIN, "my stuff").text()).contains("Did you mean `my data`");
    assertThat(rows(db, "SELECT erased_by FROM erasure_audit")).hasSize(1);
  }

  /** Everything the list names, through the commands where a command makes it. */
  private void givenDataEverywhere() {
    PrivacyFixture.logWithNote(
        tandem, QUIN, "2025-03-03 1h", "quokka reels", "SECRET diary: ask about the reorg");
    assertThat(run(BEN, "log 30m Budgets on 2025-03-02").kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(run(QUIN, "goal add Learn zebra budgeting by 2025-06-30").kind())
        .isEqualTo(Reply.Kind.SUCCESS);
    assertThat(run(QUIN, "task add 1 Read the zebra primer").kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(run(QUIN, "task done 1").kind()).isEqualTo(Reply.Kind.SUCCESS);
    String goal = run(QUIN, "goal done 1").buttons().get(0).value();
    Reply outcome = tandem.clicked(QUIN, "D1", LearningFeature.OUTCOME_ACTION, goal);
    assertThat(
            tandem
                .submitted(
                    QUIN, null, outcome.form().formId(), Map.of("outcome", "Zebra budgets on time"))
                .kind())
        .isEqualTo(Reply.Kind.SUCCESS);
    Reply review = run(QUIN, "goal review");
    assertThat(
            tandem
                .submitted(QUIN, null, review.form().formId(), Map.of("skills", "Leadership 4"))
                .kind())
        .isEqualTo(Reply.Kind.SUCCESS);
    assertThat(run(QUIN, "exclude @U0CAL").kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(run(CAL, "exclude @U0QUIN").kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(run(MAYA, "survey send named-check").text()).contains("run #1");
    Reply answered =
        tandem.submitted(QUIN, "D1", "survey:1", Map.of("q1", "4", "q2", "Quinella says hi"));
    assertThat(answered.kind()).isEqualTo(Reply.Kind.SUCCESS);
    PrivacyFixture.sql(
        db,
        "INSERT INTO working_agreement_answer (id, pair_id, member_id, meet, every_days, note,"
            + " answered_at) SELECT 2000, p.id, m.id, 'call', 7, 'Quinella prefers calls', 0"
            + " FROM mentoring_pair p, member m WHERE m.user_id = 'U0QUIN'");
    PrivacyFixture.sql(
        db,
        "UPDATE participant SET manager = 'U0QUIN' WHERE member_id ="
            + " (SELECT id FROM member WHERE user_id = 'U0BEN')");
    PrivacyFixture.sql(
        db,
        "INSERT INTO pair_checkin (pair_id, participant_id, point_days, workspace_id, program_id,"
            + " asked_at, rating, learning, note, answered_at) SELECT p.id, pt.id, 30,"
            + " p.workspace_id, p.program_id, 0, 4, 'YES', 'Quinella check-in note', 0"
            + " FROM mentoring_pair p JOIN participant pt ON pt.id IN (p.mentor_id, p.mentee_id)"
            + " JOIN member m ON m.id = pt.member_id WHERE m.user_id = 'U0QUIN'");
    PrivacyFixture.sql(
        db,
        "INSERT INTO workspace_admin (workspace_id, user_id, first_seen_at)"
            + " SELECT workspace_id, 'U0QUIN', 0 FROM member WHERE user_id = 'U0QUIN'");
    assertThat(run(MAYA, "program admins add @U0QUIN").kind()).isEqualTo(Reply.Kind.SUCCESS);
    PrivacyFixture.sql(
        db,
        "INSERT INTO program_admin (workspace_id, program_id, user_id, granted_by, granted_at)"
            + " SELECT workspace_id, id, 'U0CAL', 'U0QUIN', 0 FROM program");
    PrivacyFixture.sql(
        db,
        "INSERT INTO guidance_template (program_id, name, workspace_id, text, updated_by,"
            + " updated_at) SELECT id, 'mentor-guide', workspace_id, 'Our guide', 'U0QUIN', 0"
            + " FROM program");
    PrivacyFixture.sql(
        db,
        "INSERT INTO roster_entry (id, workspace_id, employee, user_id, hire_date, department,"
            + " seniority_band, imported_at) SELECT 1000, workspace_id,"
            + " 'quinella.ashdown@example.com', NULL, '2020-01-01', 'Marketing', 4, 0"
            + " FROM member WHERE user_id = 'U0QUIN'");
    PrivacyFixture.sql(
        db,
        "INSERT INTO inbox (delivery_key, platform, kind, request, state, answer, received_at)"
            + " VALUES ('slack:cmd:1', 'SLACK', 'command',"
            + " '{\"user_id\":\"U0QUIN\",\"text\":\"status\"}', 'ANSWERED', '{}', 0)");
    PrivacyFixture.sql(
        db,
        "UPDATE outbox_message SET state = 'DELIVERED' WHERE id = (SELECT MIN(id) FROM"
            + " outbox_message WHERE recipient_user_id = 'U0QUIN')");
    // the starting point really names her in the places the scan looks
    assertThat(mentionsOf(IDENTIFIERS))
        .anyMatch(m -> m.startsWith("member."))
        .anyMatch(m -> m.startsWith("outbox_message."))
        .anyMatch(m -> m.startsWith("roster_entry."))
        .anyMatch(m -> m.startsWith("inbox."));
  }

  /** Every {@code table.column} holding any of {@code needles}, ignoring case. */
  private List<String> mentionsOf(List<String> needles) {
    List<String> found = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection()) {
      for (String table : PersonalDataRows.tables(c)) {
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              if (!(value instanceof String text)) {
                continue;
              }
              String lower = text.toLowerCase(Locale.ROOT);
              for (String needle : needles) {
                if (lower.contains(needle.toLowerCase(Locale.ROOT))) {
                  found.add(table + "." + rs.getMetaData().getColumnName(i) + ": " + text);
                }
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new HashMap<>();
    List<String> tables = new ArrayList<>(COUNTED);
    tables.addAll(List.of("exclusion", "workspace_admin", "signal", "outbox_message"));
    for (String table : tables) {
      counts.put(table, Long.parseLong(rows(db, "SELECT COUNT(*) FROM " + table).get(0)));
    }
    return counts;
  }

  private Reply run(Actor actor, String text) {
    return tandem.handle(new Invocation(actor, "C1", text));
  }

  private Participant participant(Actor actor) {
    return db.inTransaction(em -> UseCaseFixture.participant(new Store(em), actor));
  }

  static Actor actor(String userId, String name, boolean admin) {
    return new Actor(Platform.SLACK, "T_ACME", userId, name, "Europe/Berlin", admin);
  }
}
