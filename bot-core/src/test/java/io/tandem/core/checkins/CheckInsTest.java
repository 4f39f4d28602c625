package io.tandem.core.checkins;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.participant;
import static io.tandem.core.usecases.UseCaseFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.kernel.Role;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.StoreStats;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.UseCaseFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check-ins, the learning plan, status and the home view, against a real SQLite file. */
@DisplayName("Check-ins, goals and tasks")
class CheckInsTest {

  static final Instant PAIRED = Instant.parse("2025-03-01T10:00:00Z");
  static final Instant NOW = Instant.parse("2025-03-04T09:15:30Z");

  static final Actor ANA = actor("U0ANA", "Ana");
  static final Actor BEN = actor("U0BEN", "Ben");
  static final Actor CAL = actor("U0CAL", "Cal");

  @TempDir Path dir;

  TestDatabase testDatabase;
  Database db;
  MutableClock clock;
  CommandDispatcher tandem;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    clock = new MutableClock(PAIRED);
    db = testDatabase.open(clock);
    tandem = UseCaseFixture.dispatcher(db, clock);
    // GIVEN Ana (mentor) and Ben (mentee) paired on 2025-03-01, and Cal enrolled but unpaired
    enrol(db, clock, ANA, Role.MENTOR);
    enrol(db, clock, BEN, Role.MENTEE);
    enrol(db, clock, CAL, Role.MENTEE);
    pair(ANA, BEN);
    clock.set(NOW);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("both people logging the same day make one session with two sides, and one prompt")
  void twoPerspectives() {
    Reply first = run(ANA, "log 45m Instagram reels");
    Map<String, Long> afterFirst = counts();
    // Ana as the adapter recognised her in the platform's syntax
    Reply second =
        tandem.handle(
            new Invocation(
                BEN,
                "C1",
                "log 1h with <@U0ANA|ana> on 2025-03-04",
                Map.of("<@U0ANA|ana>", "U0ANA")));

    assertThat(first.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(first.text()).contains("session #1 with Ben");
    assertThat(second.text()).contains("joins Ana's log of session #1");
    assertThat(count("mentoring_session")).isEqualTo(1);
    assertThat(count("session_note")).isEqualTo(2);
    assertThat(query("SELECT minutes FROM mentoring_session")).isEqualTo("60");
    assertThat(rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'logprompt:%'"))
        .hasSize(1);
    assertThat(
            query(
                "SELECT recipient_user_id FROM outbox_message WHERE dedup_key LIKE 'logprompt:%'"))
        .isEqualTo("U0BEN");
    assertThat(query("SELECT payload FROM outbox_message WHERE dedup_key LIKE 'logprompt:%'"))
        .contains("Add what you learned?")
        .contains("log on 2025-03-04");
    assertThat(counts().get("outbox_message")).isEqualTo(afterFirst.get("outbox_message"));
    assertThat(
            rows(
                db,
                "SELECT type FROM signal WHERE type IN ('SESSION_LOGGED','PARTNER_ASKED_TO_LOG')"))
        .containsExactlyInAnyOrder("SESSION_LOGGED", "PARTNER_ASKED_TO_LOG", "SESSION_LOGGED");
    assertThat(query("SELECT pair_id FROM signal WHERE type = 'SESSION_LOGGED'")).isNotNull();
  }

  @Test
  @DisplayName(
      "a future day, a day before pairing, a stranger as partner, 9h: errors, nothing stored")
  void badLogs() {
    Map<String, Long> before = counts();

    assertThat(run(ANA, "log 45m on 2025-03-05").text()).contains("is in the future");
    assertThat(run(ANA, "log 45m on 2025-02-20").text()).contains("before you were paired");
    assertThat(run(ANA, "log 45m with @U0CAL").text())
        .contains("not your partner")
        .contains("*Ben*");
    assertThat(run(ANA, "log 9h Reels").text()).contains("longer than one session can be");
    assertThat(run(CAL, "log 45m with @U0ANA").text()).contains("don't have a partner");
    assertThat(run(ANA, "log 45m Reels").kind()).isEqualTo(Reply.Kind.SUCCESS);
    Map<String, Long> afterOne = counts();
    assertThat(run(ANA, "log 30m again").text()).contains("already logged session #1");

    assertThat(counts()).isEqualTo(afterOne);
    assertThat(afterOne.get("mentoring_session") - before.get("mentoring_session")).isEqualTo(1);
  }

  @Test
  @DisplayName("log alone opens a five-input form; the note to self is stored but never signalled")
  void form() {
    Reply opened = run(BEN, "log");
    assertThat(opened.form()).isNotNull();
    assertThat(opened.form().inputs()).hasSize(5);
    assertThat(opened.form().inputs().get(0).initialValue()).isEqualTo("2025-03-04 45m");
    Map<String, Long> before = counts();

    Map<String, String> values = new HashMap<>();
    values.put("when", "2025-03-03 1h30m");
    values.put("topic", "TikTok for teams");
    values.put("exchange", "Taught: how we budget\nLearned: duets and stitches");
    values.put("useful", "9");
    values.put("note", "SECRET: ask about the reorg");
    Reply bad = tandem.submitted(BEN, null, opened.form().formId(), values);
    assertThat(bad.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(bad.inputErrors()).containsKey("useful");
    assertThat(counts()).isEqualTo(before);

    values.put("useful", "5");
    Reply saved = tandem.submitted(BEN, null, opened.form().formId(), values);

    assertThat(saved.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(query("SELECT local_date FROM mentoring_session")).isEqualTo("2025-03-03");
    assertThat(query("SELECT taught FROM session_note")).isEqualTo("how we budget");
    assertThat(query("SELECT learned FROM session_note")).isEqualTo("duets and stitches");
    assertThat(query("SELECT private_note FROM session_note")).contains("SECRET");
    assertThat(rows(db, "SELECT details FROM signal")).noneMatch(d -> d.contains("SECRET"));
    assertThat(rows(db, "SELECT payload FROM outbox_message")).noneMatch(p -> p.contains("SECRET"));
    assertThat(query("SELECT details FROM signal WHERE type = 'SESSION_LOGGED'"))
        .contains("\"useful\":5");
  }

  @Test
  @DisplayName("log list, edit and delete work on one's own logs only, delete after confirming")
  void manageLogs() {
    run(ANA, "log 45m Reels on 2025-03-02");
    run(BEN, "log 30m Budgets on 2025-03-03");

    Reply list = run(ANA, "log list");
    assertThat(list.fields()).hasSize(2);
    assertThat(list.fields().get(0).label()).startsWith("#2 · 2025-03-03");
    assertThat(list.fields().get(0).value()).contains("logged by Ben");

    Map<String, Long> before = counts();
    assertThat(run(ANA, "log delete 2").text()).contains("is Ben's log, not yours");
    assertThat(run(ANA, "log edit 2").text()).contains("not yours");
    assertThat(run(ANA, "log delete 7").text()).contains("no session #7");
    Reply ask = run(ANA, "log delete 1");
    assertThat(ask.buttons()).extracting(Reply.Button::value).contains("log delete 1 confirm");
    assertThat(counts().get("mentoring_session")).isEqualTo(before.get("mentoring_session"));

    Reply edit = run(ANA, "log edit 1");
    assertThat(edit.form().inputs().get(0).initialValue()).isEqualTo("2025-03-02 45m");
    Map<String, String> values = new HashMap<>();
    values.put("when", "2025-03-02 50m");
    values.put("topic", "Reels and hooks");
    Reply edited = tandem.submitted(ANA, null, edit.form().formId(), values);
    assertThat(edited.text()).contains("Reels and hooks (50 minutes)");

    Reply deleted =
        tandem.clicked(ANA, null, CommandDispatcher.COMMAND_ACTION, "log delete 1 confirm");
    assertThat(deleted.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(count("mentoring_session")).isEqualTo(1);
    assertThat(rows(db, "SELECT type FROM signal"))
        .contains("SESSION_EDITED", "SESSION_DELETED", "LOGS_VIEWED", "FORM_OPENED");
  }

  @Test
  @DisplayName("goals and tasks: either person adds, progress is tasks done of tasks set")
  void goalsAndTasks() {
    Reply goal = run(BEN, "goal add Post one reel a week by 2025-06-30");
    Reply forPartner = run(BEN, "goal add Lead a standup for partner");
    run(ANA, "task add 1 Film a 15-second reel");
    run(BEN, "task add 1 Learn the editor");
    Reply done = run(BEN, "task done 1");

    assertThat(goal.text()).contains("Goal 1 set for you");
    assertThat(forPartner.text()).contains("Goal 2 set for Ana");
    assertThat(done.fields().get(0).value()).contains("1/2 tasks (50%)");
    Reply status = run(ANA, "status");
    assertThat(field(status, "Goals"))
        .contains("1. Post one reel a week — 1/2 tasks (50%) · for Ben · by 2025-06-30")
        .contains("2. Lead a standup — no tasks yet · for you");
    assertThat(status.buttons()).extracting(Reply.Button::value).contains("log", "goal add");
    assertThat(run(ANA, "goal done 2").text()).contains("Goal 2 is done");

    Map<String, Long> before = counts();
    assertThat(run(ANA, "task done 9").text()).contains("Task 9 is not in your plan with Ben");
    assertThat(run(ANA, "task add 5 Something").text()).contains("Goal 5 is not in your plan");
    assertThat(run(ANA, "goal add Old by 2025-01-01").text()).contains("already passed");
    assertThat(run(CAL, "goal add Learn SQL").text()).contains("don't have a partner");
    assertThat(run(CAL, "task done 1").text()).contains("don't have a partner");
    Reply form = run(ANA, "goal add");
    Map<String, Long> formOpened = counts();
    assertThat(tandem.submitted(ANA, null, form.form().formId(), Map.of("text", " ")).text())
        .contains("Say what the goal is");
    assertThat(
            tandem
                .submitted(ANA, null, form.form().formId(), Map.of("text", "x".repeat(2000)))
                .text())
        .contains("2000 characters long");
    assertThat(counts()).isEqualTo(formOpened);
    assertThat(formOpened.get("goal")).isEqualTo(before.get("goal"));
    assertThat(formOpened.get("goal_task")).isEqualTo(before.get("goal_task"));
    assertThat(rows(db, "SELECT details FROM signal WHERE type = 'GOAL_SET'"))
        .noneMatch(d -> d.contains("reel"));
  }

  @Test
  @DisplayName("status names the partner, the last session and the engagement in plain words")
  void status() {
    Reply quiet = run(ANA, "status");
    assertThat(field(quiet, "Partner")).isEqualTo("Ben (mentee)");
    assertThat(field(quiet, "Engagement")).startsWith("Just started");

    run(ANA, "log 45m Reels");
    Reply active = run(BEN, "status");
    assertThat(field(active, "Sessions so far")).isEqualTo("1");
    assertThat(field(active, "Last session")).isEqualTo("2025-03-04 — Reels (45 minutes)");
    assertThat(field(active, "Engagement")).startsWith("On track: 1 session");

    clock.advance(Duration.ofDays(30));
    assertThat(field(run(BEN, "status"), "Engagement")).startsWith("Quiet");
    assertThat(field(run(CAL, "status"), "Partner")).isEqualTo("not paired yet");
  }

  @Test
  @DisplayName("goal review re-rates the enrolment skills and status shows the change")
  void review() {
    Reply form = run(BEN, "goal review");
    assertThat(form.form().inputs().get(0).initialValue()).isEqualTo("Leadership 2");

    Reply unknown =
        tandem.submitted(BEN, null, form.form().formId(), Map.of("skills", "Knitting 3"));
    assertThat(unknown.text()).contains("not a skill you rated");
    Reply saved =
        tandem.submitted(BEN, null, form.form().formId(), Map.of("skills", "Leadership 4"));

    assertThat(saved.text()).contains("Leadership 2 → 4");
    assertThat(count("skill_rating")).isEqualTo(1);
    assertThat(field(run(BEN, "status"), "Skills since you joined")).isEqualTo("Leadership 2 → 4");
  }

  @Test
  @DisplayName("opening the home queues a dashboard, and later changes republish it")
  void home() {
    run(BEN, "log 45m Reels");
    assertThat(rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'home:%'"))
        .isEmpty();

    tandem.homeOpened(ANA);
    assertThat(rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'home:%'"))
        .singleElement()
        .asString()
        .startsWith("home:U0ANA:");
    assertThat(query("SELECT payload FROM outbox_message WHERE dedup_key LIKE 'home:%'"))
        .contains("Your Tandem")
        .contains("Ben (mentee)")
        .contains("\"type\":\"home\"");

    run(BEN, "goal add Post one reel a week");
    assertThat(rows(db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'home:U0ANA:%'"))
        .hasSize(2);
  }

  @Test
  @DisplayName("the home a log republishes shows that log")
  void homeShowsTheLog() {
    tandem.homeOpened(ANA);

    run(BEN, "log 45m Reels");

    assertThat(
            query(
                "SELECT payload FROM outbox_message WHERE dedup_key LIKE 'home:U0ANA:%'"
                    + " ORDER BY id DESC"))
        .contains("Reels (45 minutes)");
  }

  // ---- helpers

  private Reply run(Actor actor, String text) {
    return tandem.handle(new Invocation(actor, "C1", text));
  }

  private static String field(Reply reply, String label) {
    return reply.fields().stream()
        .filter(f -> f.label().equals(label))
        .map(Reply.Field::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + label + " in " + reply));
  }

  private void pair(Actor mentor, Actor mentee) {
    db.transaction(
        store -> {
          Participant a = participant(store, mentor);
          Participant b = participant(store, mentee);
          Pair pair =
              new Pair(a.getWorkspaceId(), a.getProgramId(), a.getId(), b.getId(), 1, "", PAIRED);
          pair.approve(PAIRED);
          return store.add(pair);
        });
  }

  static Actor actor(String userId, String name) {
    return new Actor(Platform.SLACK, "T_ACME", userId, name, "Europe/Berlin", false);
  }

  private Map<String, Long> counts() {
    return StoreStats.counts(db);
  }

  private long count(String table) {
    return StoreStats.count(db, table);
  }

  private String query(String sql) {
    List<String> rows = rows(db, sql);
    assertThat(rows).as(sql).isNotEmpty();
    return rows.get(0);
  }
}
