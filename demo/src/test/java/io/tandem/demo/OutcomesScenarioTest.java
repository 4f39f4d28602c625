package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.enrolment.EnrolmentFeature;
import io.tandem.core.learning.LearningFeature;
import io.tandem.core.programs.ProgramEndJob;
import io.tandem.core.reports.TargetGrammar;
import io.tandem.core.surveys.SurveySettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Outcomes beside activity, on every platform: a goal's owner is asked what changed at work when it
 * is done, and the answers reach the admins' final report, without names, once there are as many as
 * the anonymity threshold; admins set program targets, and the report gives a verdict on each.
 */
@DisplayName("Outcomes and program targets, on every platform")
class OutcomesScenarioTest {

  static final String HOSTILE = "<!everyone> *x* <http://evil|click>";
  static final String PROGRAM = EnrolmentFeature.DEFAULT_PROGRAM_NAME;

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private ShiftableClock clock;

  private void start(SimulatedChat.Kind kind) throws Exception {
    clock = ShiftableClock.startingAt(Pilots.noon());
    chat = SimulatedChat.start(kind);
    tandem = Pilots.paired(chat, dir.resolve("tandem.db"), clock);
    chat.run("maya", "program start " + PROGRAM);
  }

  @AfterEach
  void stop() throws Exception {
    Pilots.stop(tandem, chat);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a goal done asks its owner what changed; the answer is kept, as plain text")
  void askedAndKept(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    assertThat(chat.run("ana", "goal add Run my own SQL queries").text()).contains("Goal 1");

    // WHEN Ana marks her goal done
    SimulatedChat.Answer done = chat.run("ana", "goal done 1");

    // THEN she is asked the one question, privately
    assertThat(done.privately()).isTrue();
    assertThat(done.text()).contains("is done").contains("What changed at work");
    String goal = goalId("Run my own SQL queries");

    // AND skipping keeps nothing; her partner may not answer for her
    assertThat(chat.click("ana", LearningFeature.OUTCOME_SKIP_ACTION, goal).text())
        .contains("nothing was saved");
    assertThat(outcome(goal)).isNull();
    assertThat(chat.click("ben", LearningFeature.OUTCOME_ACTION, goal).text())
        .contains("not (or no longer) in your plan");

    // WHEN she answers in the form with text that looks like markup
    SimulatedChat.Answer saved =
        chat.fill(
            "ana",
            chat.clickForForm("ana", LearningFeature.OUTCOME_ACTION, goal),
            Map.of("outcome", HOSTILE));

    // THEN it is kept as she typed it, and shown back as text: no broadcast, no link
    assertThat(outcome(goal)).isEqualTo(HOSTILE);
    assertThat(saved.text()).contains("Thank you").contains("evil").contains("click");
    assertEscaped(saved.text());

    // AND a goal Ana set for Ben asks Ben when she marks it done
    assertThat(chat.run("ana", "goal add Lead a team retro for partner").text()).contains("Goal 2");
    chat.run("ana", "goal done 2");
    assertThat(chat.awaitMessageTo("ben", "What changed at work")).contains("Lead a team retro");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "outcomes reach the final report from the anonymity threshold on, without names; not below")
  void finalReportThreshold(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    int threshold = SurveySettings.DEFAULT_THRESHOLD;
    for (int i = 1; i < threshold; i++) {
      answer(i % 2 == 0 ? "ana" : "dev", "Goal number " + i, "I now do step " + i + " myself");
    }

    // WHEN one answer short of the threshold, the story counts them but shows none
    SimulatedChat.Answer below = chat.run("maya", "report final");
    assertThat(below.privately()).isTrue();
    assertThat(below.text())
        .contains("Funnel")
        .contains((threshold - 1) + " answers; they show from " + threshold + " on")
        .doesNotContain("I now do step 1 myself");

    // WHEN the last one comes in, and the program comes to the end of its length
    answer("chioma", "Goal number " + threshold, HOSTILE);
    clock.shift(Duration.ofDays(200));
    tandem.runJobNow(ProgramEndJob.KEY);

    // THEN the admin's final report tells the story with every answer, escaped, without names
    String story = chat.awaitMessageTo("maya", "final report");
    assertThat(story)
        .contains("Funnel")
        .contains("enrolled →")
        .contains("I now do step 1 myself")
        .contains("evil")
        .doesNotContainIgnoringCase("chioma")
        .contains("Participants and everyone else");
    assertEscaped(story);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("an admin sets targets and the report gives each a verdict; others are refused")
  void targets(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    // GIVEN Ana and Ben met, and set two goals of which one is done
    chat.run("ana", "log 45m SQL joins");
    chat.run("ana", "goal add Run my own SQL queries");
    chat.run("ana", "goal add Post one reel a week");
    chat.run("ana", "goal done 1");

    // WHEN Ana, no admin, tries to set targets, and Maya gets them wrong
    chat.offerAdminCommands("ana");
    SimulatedChat.Answer refused = chat.run("ana", "program targets meet 80%");
    SimulatedChat.Answer tooHigh = chat.run("maya", "program targets meet 180%");
    SimulatedChat.Answer notNumber = chat.run("maya", "program targets goals lots");

    // THEN each is answered privately with the right form, and nothing is stored
    assertThat(refused.privately()).isTrue();
    assertThat(refused.text())
        .contains("Only program admins")
        .contains(typed(TargetGrammar.EXAMPLE));
    assertThat(tooHigh.privately()).isTrue();
    assertThat(tooHigh.text())
        .contains("between 1% and 100%")
        .contains(typed(TargetGrammar.EXAMPLE));
    assertThat(notNumber.text()).contains("not a whole percentage");
    assertThat(query("SELECT COUNT(*) FROM program_target WHERE 1 = ?", 1, rs -> rs.getLong(1)))
        .isEqualTo(0L);
    assertThat(chat.run("maya", "program targets").text()).contains("no targets yet");

    // WHEN Maya sets them
    SimulatedChat.Answer set =
        chat.run("maya", "program targets " + PROGRAM + " meet 80% goals 70% retention 100%");

    // THEN she sees each with its verdict, and so does the report
    assertThat(set.text())
        .contains("Saved")
        .contains("Pairs meeting monthly: 100% (1 of 1) — target 80%, on track")
        .contains("Goals done: 50% (1 of 2) — target 70%, behind")
        .contains("Retention against non-participants");
    assertThat(chat.run("maya", "report").text())
        .contains("Targets")
        .contains("Goals done: 50% (1 of 2) — target 70%, behind");
    assertThat(chat.run("maya", "report final").text())
        .contains("Goals done: 50% (1 of 2) — target 70%, behind")
        .contains("1 target is behind");

    // AND one target can be removed on its own
    chat.run("maya", "program targets goals off");
    assertThat(chat.run("maya", "program targets").text())
        .contains("Pairs meeting monthly")
        .doesNotContain("Goals done");
  }

  /** A goal set by {@code person} for themselves, done, with {@code words} as what changed. */
  private void answer(String person, String goal, String words) throws Exception {
    String added = chat.run(person, "goal add " + goal).text();
    String number = added.replaceAll("(?s).*Goal (\\d+).*", "$1");
    assertThat(chat.run(person, "goal done " + number).text()).contains("What changed at work");
    SimulatedChat.Answer saved =
        chat.fill(
            person,
            chat.clickForForm(person, LearningFeature.OUTCOME_ACTION, goalId(goal)),
            Map.of("outcome", words));
    assertThat(saved.text()).contains("Thank you");
  }

  /** No broadcast, no link: what Slack or Discord would turn into either arrives escaped. */
  private static void assertEscaped(String text) {
    assertThat(text).doesNotContain("“<!everyone>").doesNotContain("<http://evil|click>");
  }

  private String typed(String command) {
    return chat.typed(command).orElseThrow();
  }

  private String goalId(String text) throws Exception {
    return Long.toString(
        (Long) query("SELECT id FROM goal WHERE text = ?", text, rs -> rs.getLong(1)));
  }

  private String outcome(String goalId) throws Exception {
    return (String)
        query(
            "SELECT outcome_text FROM goal WHERE id = ?",
            Long.parseLong(goalId),
            rs -> rs.getString(1));
  }

  private interface Column {
    Object read(ResultSet rs) throws java.sql.SQLException;
  }

  private Object query(String sql, Object param, Column column) throws Exception {
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        return column.read(rs);
      }
    }
  }
}
