package io.tandem.core.reminders;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.participant;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.kernel.Role;
import io.tandem.core.learning.LearningFeature;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.ProgramAdmin;
import io.tandem.core.programs.ProgramAdmins;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.store.StoreStats;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders, the nudge ladder and pause/resume/leave, clock-driven against a real SQLite file. Ana
 * (mentor, Berlin) and Ben (mentee, New York) are paired on Monday 2026-03-02 at 15:00 UTC in a
 * running program that meets every 14 days; New York moves to summer time on 03-08, Berlin on
 * 03-29.
 */
@DisplayName("Reminders, nudges, pause, resume and leave")
class ReminderRulesTest {

  static final Instant PAIRED = Instant.parse("2026-03-02T15:00:00Z");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static final Actor ANA = actor("U0ANA", "Ana", false);
  static final Actor BEN = actor("U0BEN", "Ben", false);
  static final Actor CAL = actor("U0CAL", "Cal", false);
  static final Actor MAYA = actor("U0MAYA", "Maya", true);

  @TempDir Path dir;

  TestDatabase testDatabase;
  Database db;
  MutableClock clock;
  CommandDispatcher tandem;
  ReminderJob job;
  long pairId;

  @BeforeEach
  void open() {
    ReminderPairs.Setup setup =
        ReminderPairs.Setup.open(
            dir,
            PAIRED.minus(Duration.ofDays(1)),
            (db, clock) -> {
              ReminderSettings settings = ReminderSettings.defaults();
              return new RemindersFeature(
                  new Reminders(db, clock, settings),
                  new Nudges(db, clock, settings),
                  new Participation(db, clock),
                  settings.interval());
            });
    testDatabase = setup.testDatabase();
    db = setup.db();
    clock = setup.clock();
    tandem = setup.tandem();
    job = setup.job();
    enrol(db, clock, ANA, Role.MENTOR, "Marketing", "Europe/Berlin");
    enrol(db, clock, BEN, Role.MENTEE, "Finance", "America/New_York");
    enrol(db, clock, CAL, Role.MENTEE, "Finance", "Europe/Berlin");
    pairId = pairAndRun();
    clock.set(PAIRED);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("each person is reminded at 10:00 their time, across both DST changes")
  void localTimesAcrossDst() {
    List<Row> rows = runEvery(Duration.ofMinutes(15), PAIRED, PAIRED.plus(Duration.ofDays(29)));

    // THEN slot 1 (Mon 03-16) and slot 2 (Mon 03-30) reach each person at 10:00 local
    assertThat(reminders(rows))
        .extracting(r -> r.key + " @ " + r.notBefore)
        .containsExactly(
            "reminder:" + pairId + ":2026-03-16:U0ANA @ 2026-03-16T09:00:00Z",
            "reminder:" + pairId + ":2026-03-16:U0BEN @ 2026-03-16T14:00:00Z",
            "reminder:" + pairId + ":2026-03-30:U0ANA @ 2026-03-30T08:00:00Z",
            "reminder:" + pairId + ":2026-03-30:U0BEN @ 2026-03-30T14:00:00Z");
    assertThat(reminders(rows).get(0).payload)
        .contains("Time to meet *Ben* again")
        .contains("We met Ben — log it")
        .contains("log pair:" + pairId)
        .contains("Snooze 2 days")
        .contains("Pick another day")
        .contains("We need help");
  }

  @Test
  @DisplayName("a job that fires twice for the same instant queues nothing new")
  void refiredJobQueuesNothing() throws Exception {
    Instant at = Instant.parse("2026-03-16T09:00:00Z");
    job.run(at);
    long before = StoreStats.count(db, "outbox_message");
    long signals = StoreStats.count(db, "signal");

    job.run(at);
    job.run(at.plusSeconds(300));

    assertThat(StoreStats.count(db, "outbox_message")).isEqualTo(before);
    assertThat(StoreStats.count(db, "signal")).isEqualTo(signals);
  }

  @Test
  @DisplayName("after downtime a missed reminder goes out once if under a day late, else never")
  void catchUpWithoutFlood() throws Exception {
    // Tandem was down from before Ana's 09:00 UTC reminder until 20:00 UTC (21:00 Berlin)
    job.run(Instant.parse("2026-03-16T20:00:00Z"));
    List<Row> rows = outbox();
    // Ana's comes out of her quiet hours the next morning; Ben's (16:00 New York) at once
    assertThat(reminders(rows))
        .extracting(r -> r.key + " @ " + r.notBefore)
        .containsExactly(
            "reminder:" + pairId + ":2026-03-16:U0BEN @ 2026-03-16T20:00:00Z",
            "reminder:" + pairId + ":2026-03-16:U0ANA @ 2026-03-17T07:00:00Z");
    // a reminder more than a day late is dropped: nothing for slot 2 when we wake on 04-01
    job.run(Instant.parse("2026-04-01T15:00:00Z"));
    assertThat(reminders(outbox())).hasSize(2);
  }

  @Test
  @DisplayName("quiet hours and weekends: a Saturday slot waits for Monday, a late hour for 08:00")
  void quietHoursAndWeekends() {
    ReminderTimes.QuietHours quiet = ReminderTimes.QuietHours.DEFAULT;
    LocalDate saturday = LocalDate.parse("2026-03-21");
    assertThat(ReminderTimes.sendTime(saturday, LocalTime.of(10, 0), BERLIN, quiet, false))
        .isEqualTo(ZonedDateTime.parse("2026-03-23T10:00+01:00[Europe/Berlin]"));
    assertThat(
            ReminderTimes.sendTime(saturday, LocalTime.of(10, 0), BERLIN, quiet, true)
                .toLocalDate())
        .isEqualTo(saturday);
    assertThat(
            ReminderTimes.sendTime(
                LocalDate.parse("2026-03-20"), LocalTime.of(21, 0), BERLIN, quiet, false))
        .isEqualTo(ZonedDateTime.parse("2026-03-23T08:00+01:00[Europe/Berlin]"));
    assertThat(
            ReminderTimes.sendTime(
                LocalDate.parse("2026-03-17"), LocalTime.of(6, 0), NEW_YORK, quiet, false))
        .isEqualTo(ZonedDateTime.parse("2026-03-17T08:00-04:00[America/New_York]"));
    assertThat(ReminderTimes.QuietHours.parse("22:00-07:00").contains(LocalTime.of(6, 59)))
        .isTrue();
  }

  @Test
  @DisplayName("snooze 2 days moves the reminder for both; pick another day offers weekdays")
  void snooze() throws Exception {
    job.run(Instant.parse("2026-03-16T14:00:00Z"));
    clock.set(Instant.parse("2026-03-16T15:00:00Z"));

    Reply snoozed = run(ANA, "snooze 2d");
    Reply pick = run(BEN, "snooze pick");
    List<Row> rows =
        runEvery(Duration.ofHours(1), clock.instant(), clock.instant().plus(Duration.ofDays(3)));

    assertThat(snoozed.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(snoozed.text()).contains("2026-03-18");
    assertThat(pick.buttons()).hasSize(5);
    // each day's button carries the pair it moves
    assertThat(pick.buttons().get(0).value()).isEqualTo("snooze until 2026-03-17 pair:" + pairId);
    assertThat(reminders(rows))
        .filteredOn(r -> !r.key.contains(":2026-03-16:"))
        .extracting(r -> r.key + " @ " + r.notBefore)
        .containsExactly(
            "reminder:" + pairId + ":2026-03-18:U0ANA @ 2026-03-18T09:00:00Z",
            "reminder:" + pairId + ":2026-03-18:U0BEN @ 2026-03-18T14:00:00Z");
  }

  @Test
  @DisplayName("pause stops reminders, tells the partner, and resumes by itself")
  void pauseAndAutoResume() {
    clock.set(Instant.parse("2026-03-10T12:00:00Z"));
    Reply paused = run(BEN, "pause until 2026-03-20");
    Reply bad = run(ANA, "pause until 2026-03-01");
    Reply tooLong = run(ANA, "pause 20w");

    List<Row> rows =
        runEvery(Duration.ofMinutes(30), clock.instant(), Instant.parse("2026-04-04T00:00:00Z"));

    assertThat(paused.text()).contains("Paused until 2026-03-20");
    assertThat(bad.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(bad.text()).contains("not in the future").contains("Example: ");
    assertThat(tooLong.text()).contains("at most 90 days");
    assertThat(keys(rows)).anyMatch(k -> k.startsWith("paused:"));
    // resumed at midnight New York time on 03-20, with a welcome back
    Row welcome = rows.stream().filter(r -> r.key.startsWith("resumed:")).findFirst().orElseThrow();
    assertThat(welcome.created).isEqualTo(Instant.parse("2026-03-20T04:00:00Z"));
    assertThat(status(BEN)).isEqualTo(ParticipantStatus.ACTIVE);
    // no reminder for 03-16; the cadence starts over at the resume: next slot 04-03 (a Friday)
    assertThat(reminders(rows))
        .extracting(r -> r.key)
        .containsExactly(
            "reminder:" + pairId + ":2026-04-03:U0ANA", "reminder:" + pairId + ":2026-04-03:U0BEN");
  }

  @Test
  @DisplayName("leave asks first, ends the pair, tells the partner kindly, moves the waitlist up")
  void leave() {
    db.inTransaction(
        em -> {
          participant(new Store(em), CAL).waitlist();
          return null;
        });

    Reply ask = run(BEN, "leave");
    Reply left = run(BEN, "leave confirm");

    // the button names the participation it leaves, so it leaves this program only
    assertThat(ask.text()).contains("Leave the program");
    assertThat(ask.buttons())
        .extracting(Reply.Button::value)
        .anySatisfy(v -> assertThat(v).startsWith("leave confirm participation:"));
    assertThat(left.text()).contains("You've left").contains("Ana has been told");
    assertThat(status(BEN)).isEqualTo(ParticipantStatus.LEFT);
    assertThat(status(CAL)).isEqualTo(ParticipantStatus.ACTIVE);
    assertThat(status(ANA)).isEqualTo(ParticipantStatus.ACTIVE);
    Pair.Status pairStatus = db.inTransaction(em -> em.find(Pair.class, pairId).getStatus());
    assertThat(pairStatus).isEqualTo(Pair.Status.ENDED);
    List<Row> rows = outbox();
    assertThat(
            rows.stream().filter(r -> r.key.startsWith("left:")).findFirst().orElseThrow().payload)
        .contains("Ben has left")
        .contains("Thank you");
    assertThat(keys(rows)).anyMatch(k -> k.startsWith("promoted:"));
    // and the job reminds nobody about the ended pair
    assertThat(reminders(runEvery(Duration.ofHours(1), PAIRED, PAIRED.plus(Duration.ofDays(20)))))
        .isEmpty();
  }

  @Test
  @DisplayName("help requests and quiet-pair alerts reach the program's admins and the workspace's")
  void programAdminsHearTheirProgram() {
    run(MAYA, "program list"); // Maya acts as a workspace admin once, so she hears alerts
    db.transaction(
        store -> {
          Participant ben = participant(store, BEN);
          ProgramAdmins.in(store)
              .add(
                  new ProgramAdmin(
                      ben.getWorkspaceId(), ben.getProgramId(), "U0LEE", "U0MAYA", PAIRED));
          return null;
        });

    // WHEN Ben asks for help
    Reply asked = run(BEN, "support");

    // THEN Lee, the program's admin, is told as well as Maya
    assertThat(asked.text()).contains("have been told");
    assertThat(keys(outbox()))
        .anyMatch(k -> k.startsWith("help:") && k.endsWith(":U0LEE"))
        .anyMatch(k -> k.startsWith("help:") && k.endsWith(":U0MAYA"));

    // WHEN the pair stays quiet past three weeks, both hear the alert, once each
    List<Row> rows = runEvery(Duration.ofHours(1), PAIRED, PAIRED.plus(Duration.ofDays(36)));
    String p = "escalate:" + pairId + ":2026-03-16:";
    assertThat(keys(rows)).containsOnlyOnce(p + "U0LEE", p + "U0MAYA");
  }

  @Test
  @DisplayName("the ladder: nudges at 7 and 14 days past due, admins at 21, at risk after 3 rounds")
  void ladder() {
    run(MAYA, "program list"); // Maya acts as an admin once, so she hears escalations
    List<Row> rows = runEvery(Duration.ofMinutes(30), PAIRED, PAIRED.plus(Duration.ofDays(50)));

    String p = ":" + pairId + ":2026-03-16:";
    assertThat(first(rows, "nudge" + p + "1:U0ANA")).isEqualTo("2026-03-23T09:00:00Z");
    assertThat(first(rows, "nudge" + p + "1:U0BEN")).isEqualTo("2026-03-23T14:00:00Z");
    assertThat(first(rows, "nudge" + p + "2:U0ANA")).isEqualTo("2026-03-30T08:00:00Z");
    assertThat(first(rows, "escalate" + p + "U0MAYA")).isEqualTo("2026-04-06T15:00:00Z");
    assertThat(first(rows, "atrisk" + p + "U0ANA")).isEqualTo("2026-04-13T15:00:00Z");
    Row alert = rows.stream().filter(r -> r.key.startsWith("escalate")).findFirst().orElseThrow();
    assertThat(alert.payload).contains("Ana (mentor) and Ben (mentee)").contains("Sessions logged");
    Row atRisk = rows.stream().filter(r -> r.key.startsWith("atrisk")).findFirst().orElseThrow();
    assertThat(atRisk.payload)
        .contains("Continue")
        .contains("Pause 2 weeks")
        .contains("End our pairing")
        .contains("pair end pair:" + pairId)
        .contains("Leave the program");
    // at risk: no more reminders or nudges after it
    assertThat(rows)
        .filteredOn(r -> r.key.startsWith("reminder") || r.key.startsWith("nudge"))
        .allMatch(r -> r.created.isBefore(Instant.parse("2026-04-13T15:00:00Z")));
    // nothing ever lands in quiet hours or on a weekend in the person's own zone
    assertThat(rows)
        .filteredOn(r -> r.key.matches("(reminder|nudge|atrisk).*"))
        .allMatch(r -> allowed(r));

    // WHEN Ben chooses to continue, the round starts over
    clock.set(Instant.parse("2026-04-21T12:00:00Z"));
    assertThat(run(BEN, "continue").kind()).isEqualTo(Reply.Kind.SUCCESS);
  }

  @Test
  @DisplayName("admin nudge @person sends one now to both; others and bad input are refused")
  void adminNudge() {
    clock.set(Instant.parse("2026-03-10T12:00:00Z"));
    Reply done = run(MAYA, "nudge @U0BEN");
    Reply refused = run(ANA, "nudge @U0BEN");
    Reply nobody = run(MAYA, "nudge @U0CAL");
    Reply empty = run(MAYA, "nudge");

    assertThat(done.text()).contains("Nudged Ana and Ben");
    assertThat(keys(outbox())).filteredOn(k -> k.contains(":admin:")).hasSize(2);
    assertThat(refused.text()).contains("Only program admins");
    assertThat(nobody.text()).contains("no active pair");
    assertThat(empty.text()).contains("Mention the one person").contains("Example: ");
  }

  @Test
  @DisplayName("status shows the next reminder the job will send, in each person's own zone")
  void nextReminderInStatus() {
    // GIVEN a pair approved on Mon 2026-03-02 meeting every 14 days
    Reply ana = run(ANA, "status");
    Reply ben = run(BEN, "status");

    // THEN each sees slot 1 at 10:00 their own time, with Pause next to log and add goal
    assertThat(field(ana, "Next reminder")).isEqualTo("Mon 2026-03-16 at 10:00 (Europe/Berlin)");
    assertThat(field(ben, "Next reminder")).isEqualTo("Mon 2026-03-16 at 10:00 (America/New_York)");
    assertThat(ana.buttons())
        .extracting(Reply.Button::value)
        .containsSubsequence("log", "goal add", "pause");
    // AND the job sends Ana's exactly then: nothing a minute before, the reminder at the minute
    List<Row> before =
        runEvery(
            Duration.ofMinutes(1),
            Instant.parse("2026-03-16T08:50:00Z"),
            Instant.parse("2026-03-16T08:59:00Z"));
    assertThat(reminders(before)).isEmpty();
    assertThat(
            first(
                runEvery(
                    Duration.ofMinutes(1),
                    Instant.parse("2026-03-16T09:00:00Z"),
                    Instant.parse("2026-03-16T09:00:00Z")),
                "reminder:" + pairId + ":2026-03-16:U0ANA"))
        .isEqualTo("2026-03-16T09:00:00Z");

    // WHEN Ben's reminder has gone out and Ana snoozes 2 days
    clock.set(Instant.parse("2026-03-16T15:00:00Z"));
    run(ANA, "snooze 2d");
    // THEN both see the moved day
    assertThat(field(run(ANA, "status"), "Next reminder"))
        .isEqualTo("Wed 2026-03-18 at 10:00 (Europe/Berlin)");
    assertThat(field(run(BEN, "status"), "Next reminder"))
        .isEqualTo("Wed 2026-03-18 at 10:00 (America/New_York)");
  }

  @Test
  @DisplayName("a paused or at-risk pair sees why no reminder is coming; pause becomes resume")
  void nextReminderPausedOrAtRisk() {
    clock.set(Instant.parse("2026-03-10T12:00:00Z"));
    run(BEN, "pause until 2026-03-20");

    Reply ben = run(BEN, "status");
    assertThat(field(ben, "Next reminder")).isEqualTo("paused until 2026-03-20");
    assertThat(ben.buttons())
        .extracting(Reply.Button::value)
        .contains("resume")
        .doesNotContain("pause");
    assertThat(field(run(ANA, "status"), "Next reminder"))
        .isEqualTo("paused until 2026-03-20 (your partner is taking a break)");

    run(BEN, "resume");
    db.inTransaction(
        em -> {
          em.find(Pair.class, pairId).markAtRisk(clock.instant());
          return null;
        });
    assertThat(field(run(ANA, "status"), "Next reminder"))
        .startsWith("at risk: waiting for your answer");
  }

  @Test
  @DisplayName("closing a program asks each active participant with ratings to re-rate, once")
  void reviewAtProgramEnd() {
    String program =
        db.transaction(
            store -> {
              return Programs.in(store)
                  .byId(participant(store, ANA).getProgramId())
                  .orElseThrow()
                  .getName();
            });

    Reply closed = run(MAYA, "program close " + program);
    run(MAYA, "program close " + program);

    assertThat(closed.text()).contains("3 participants were asked to re-rate");
    List<Row> asks = outbox().stream().filter(r -> r.key.startsWith("review:")).toList();
    assertThat(asks).hasSize(3);
    assertThat(asks.get(0).payload).contains("has ended").contains("goal review");
    assertThat(StoreStats.count(db, "signal")).isPositive();
    // the button opens the same review form as `goal review`
    long ben = db.transaction(store -> participant(store, BEN).getId());
    assertThat(asks).anySatisfy(a -> assertThat(a.payload).contains("participation:" + ben));
    Reply form =
        tandem.clicked(
            BEN, "D1", CommandDispatcher.COMMAND_ACTION, "goal review participation:" + ben);
    assertThat(form.form()).isNotNull();
    assertThat(form.form().formId()).startsWith(LearningFeature.REVIEW_FORM + "@");
    assertThat(form.form().inputs().get(0).initialValue()).isEqualTo("Leadership 2");
  }

  @Test
  @DisplayName("a closed form is recorded as abandoned, by its id only")
  void formAbandoned() {
    tandem.formClosed(BEN, "goal:review");
    tandem.formClosed(actor("U0NOBODY", "Nobody", false), "join:1");

    List<String> details =
        db.inTransaction(
            em ->
                em.createQuery("SELECT s.details FROM Signal s WHERE s.type = :t", String.class)
                    .setParameter("t", io.tandem.core.kernel.SignalType.FORM_ABANDONED)
                    .getResultList());
    assertThat(details).containsExactly("{\"form\":\"goal:review\"}");
  }

  // ---- helpers

  private static String field(Reply reply, String label) {
    return reply.fields().stream()
        .filter(f -> f.label().equals(label))
        .map(Reply.Field::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + label + " in " + reply));
  }

  private boolean allowed(Row r) {
    ZoneId zone = r.key.endsWith("U0ANA") ? BERLIN : NEW_YORK;
    ZonedDateTime local = r.notBefore.atZone(zone);
    return !ReminderTimes.QuietHours.DEFAULT.contains(local.toLocalTime())
        && local.getDayOfWeek() != DayOfWeek.SATURDAY
        && local.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static String first(List<Row> rows, String key) {
    return rows.stream()
        .filter(r -> r.key.equals(key))
        .map(r -> r.notBefore.toString())
        .findFirst()
        .orElse("never");
  }

  private List<Row> runEvery(Duration step, Instant from, Instant to) {
    for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
      clock.set(at);
      job.run(at);
    }
    return outbox();
  }

  private static List<Row> reminders(List<Row> rows) {
    return rows.stream().filter(r -> r.key.startsWith("reminder:")).toList();
  }

  private static List<String> keys(List<Row> rows) {
    return rows.stream().map(r -> r.key).toList();
  }

  record Row(String key, Instant notBefore, Instant created, String payload) {}

  private List<Row> outbox() {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT dedup_key, not_before, created_at, payload FROM outbox_message ORDER BY"
                    + " not_before, dedup_key")) {
      List<Row> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getString(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4)));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply run(Actor actor, String text) {
    return tandem.handle(new Invocation(actor, "D1", text));
  }

  private ParticipantStatus status(Actor actor) {
    return db.transaction(store -> participant(store, actor).getStatus());
  }

  private long pairAndRun() {
    return ReminderPairs.inRunningProgram(db, ANA, BEN, PAIRED);
  }

  static Actor actor(String userId, String name, boolean admin) {
    return new Actor(Platform.SLACK, "T_ACME", userId, name, null, admin);
  }
}
