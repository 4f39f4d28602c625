package io.tandem.core.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.checkins.LogFromCommand;
import io.tandem.core.command.Command;
import io.tandem.core.enrolment.OpenJoinForm;
import io.tandem.core.home.ShowStatus;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.StoreStats;
import io.tandem.core.store.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Join, log and status against a real database, run once per engine by the subclasses. */
abstract class UseCaseContract {

  static final Instant NOW = Instant.parse("2025-03-04T09:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final Actor ANA = actor("U_ANA", "Ana");

  TestDatabase testDatabase;
  Database db;
  OpenJoinForm join;
  LogFromCommand log;
  ShowStatus status;

  abstract TestDatabase newTestDatabase();

  @BeforeEach
  void open() {
    testDatabase = newTestDatabase();
    db = testDatabase.open(CLOCK);
    join = new OpenJoinForm(db);
    log = new LogFromCommand(db, CLOCK);
    status = new ShowStatus(db, CLOCK);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  /** Signals one enrolment writes: joined, each profile page saved, profile completed. */
  static final long ENROL_SIGNALS = 4;

  /** Joins and fills in both pages of the profile, as a person does through the forms. */
  Reply enrol(Actor actor, Role role, String program) {
    return UseCaseFixture.enrol(db, CLOCK, actor, role, program, "Marketing", "Europe/Berlin");
  }

  static Actor actor(String userId, String name) {
    return new Actor(Platform.SLACK, "T_ACME", userId, name, "Europe/Berlin", false);
  }

  Map<String, Long> counts() {
    return StoreStats.counts(db);
  }

  static Map<String, Long> expected(long... perTable) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < StoreStats.TABLES.size(); i++) {
      map.put(StoreStats.TABLES.get(i), i < perTable.length ? perTable[i] : 0);
    }
    return map;
  }

  // tables: workspace, member, program, participant, mentoring_session, signal, outbox_message

  @Test
  @DisplayName(
      "enrolling creates workspace, member, default program, participant, signals and a DM")
  void joinCreatesEverything() {
    // WHEN Ana joins as a mentee in a workspace Tandem has never seen
    Reply reply = enrol(ANA, Role.MENTEE, null);

    // THEN she is welcomed and exactly one of each row exists
    assertThat(reply.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(reply.text()).startsWith("You're in *Reverse mentoring* as a mentee!");
    assertThat(reply.fields())
        .contains(
            new Reply.Field("Program", "Reverse mentoring"), new Reply.Field("Role", "mentee"));
    assertThat(counts()).isEqualTo(expected(1, 1, 1, 1, 0, ENROL_SIGNALS, 1));
    assertThat(queryString("SELECT type FROM signal ORDER BY id")).isEqualTo("PARTICIPANT_JOINED");
    assertThat(queryString("SELECT dedup_key FROM outbox_message"))
        .isEqualTo("welcome:" + queryString("SELECT id FROM participant"));
    assertThat(queryString("SELECT recipient_user_id FROM outbox_message")).isEqualTo("U_ANA");
    assertThat(queryString("SELECT payload FROM outbox_message"))
        .contains("welcome to *Reverse mentoring*");
  }

  @Test
  @DisplayName("joining twice is answered kindly and writes nothing new")
  void joinTwiceWritesNothing() {
    enrol(ANA, Role.MENTEE, null);
    Map<String, Long> before = counts();

    Reply again = join.join(ANA, new Command.Join(Role.MENTEE, null));

    assertThat(again.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(again.text()).contains("already in *Reverse mentoring* as a mentee");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  @DisplayName("a second member joins the same workspace and default program")
  void secondMemberSharesWorkspaceAndProgram() {
    enrol(ANA, Role.MENTEE, null);
    Reply reply = enrol(actor("U_BEN", "Ben"), Role.MENTOR, null);

    assertThat(reply.text()).startsWith("You're in *Reverse mentoring* as a mentor!");
    assertThat(counts()).isEqualTo(expected(1, 2, 1, 2, 0, 2 * ENROL_SIGNALS, 2));
  }

  @Test
  @DisplayName("joining a program by name ignores case")
  void joinNamedProgram() {
    enrol(ANA, Role.MENTEE, null);

    Reply reply = enrol(actor("U_BEN", "Ben"), Role.MENTOR, "reverse MENTORING");

    assertThat(reply.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(counts()).isEqualTo(expected(1, 2, 1, 2, 0, 2 * ENROL_SIGNALS, 2));
  }

  @Test
  @DisplayName("an unknown program name is an error that lists the programs and writes nothing")
  void unknownProgramWritesNothing() {
    // GIVEN nothing at all: even the workspace stays unwritten
    Reply first = join.join(ANA, new Command.Join(Role.MENTEE, "Chess club"));
    assertThat(first.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(counts()).isEqualTo(expected(0, 0, 0, 0, 0, 0, 0));

    // GIVEN the default program exists
    enrol(actor("U_BEN", "Ben"), Role.MENTOR, null);
    Map<String, Long> before = counts();

    Reply reply = join.join(ANA, new Command.Join(Role.MENTEE, "Chess club"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(reply.text()).contains("*Chess club*").contains("*Reverse mentoring*");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  @DisplayName("logging writes one session and one signal, and reports the totals")
  void logWritesSessionAndSignal() {
    enrol(ANA, Role.MENTEE, null);
    Map<String, Long> before = counts();

    Reply reply = log.log(ANA, new Command.Log(45, "Instagram reels"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(reply.text()).isEqualTo("Logged *45 minutes* on Instagram reels.");
    assertThat(reply.fields())
        .containsExactly(
            new Reply.Field("Sessions so far", "1"), new Reply.Field("Total time", "45 minutes"));
    assertThat(counts().get("mentoring_session")).isEqualTo(before.get("mentoring_session") + 1);
    assertThat(counts().get("signal")).isEqualTo(before.get("signal") + 1);
    assertThat(counts().get("outbox_message")).isEqualTo(before.get("outbox_message"));

    String details = queryString("SELECT details FROM signal WHERE type = 'SESSION_LOGGED'");
    assertThat(details).isEqualTo("{\"minutes\":45,\"topicLength\":15}");

    Reply second = log.log(ANA, new Command.Log(45, ""));
    assertThat(second.text()).isEqualTo("Logged *45 minutes*.");
    assertThat(second.fields())
        .containsExactly(
            new Reply.Field("Sessions so far", "2"), new Reply.Field("Total time", "1 h 30 min"));
  }

  @Test
  @DisplayName("logging without having joined is an error and writes nothing")
  void logWithoutJoining() {
    Reply reply = log.log(ANA, new Command.Log(45, "Instagram reels"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(reply)
        .isEqualTo(
            Reply.error(
                "You haven't joined a program yet, so there is nothing to log against.",
                "join mentee"));
    assertThat(counts()).isEqualTo(expected(0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  @DisplayName("status for a stranger says how to join and writes nothing")
  void statusForStranger() {
    Reply reply = status.status(ANA);

    assertThat(reply.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(Markup.plain(reply.text())).contains("/tandem join mentee");
    assertThat(counts()).isEqualTo(expected(0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  @DisplayName("status shows role, program, sessions, total and last session, and is recorded")
  void statusForParticipant() {
    enrol(ANA, Role.MENTOR, null);
    Reply empty = status.status(ANA);
    assertThat(empty.fields()).contains(new Reply.Field("Last session", "none yet"));

    log.log(ANA, new Command.Log(90, "TikTok for teams"));
    Reply reply = status.status(ANA);

    assertThat(reply.kind()).isEqualTo(Reply.Kind.INFO);
    assertThat(reply.text()).isEqualTo("You're a *mentor* in *Reverse mentoring*.");
    assertThat(reply.fields())
        .contains(
            new Reply.Field("Role", "mentor"),
            new Reply.Field("Program", "Reverse mentoring"),
            new Reply.Field("Sessions so far", "1"),
            new Reply.Field("Total time", "1 h 30 min"),
            new Reply.Field("Last session", "2025-03-04 — TikTok for teams (1 h 30 min)"));
    assertThat(queryString("SELECT COUNT(*) FROM signal WHERE type = 'STATUS_VIEWED'"))
        .isEqualTo("2");
  }

  @Test
  @DisplayName("8 threads logging at once all land")
  void concurrentLogsAllLand() throws Exception {
    int threads = 8;
    int logsEach = 15;
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Actor a = actor("U_" + i, "Person " + i);
      actors.add(a);
      enrol(a, i % 2 == 0 ? Role.MENTOR : Role.MENTEE, null);
    }

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Reply.Kind>>> results = new ArrayList<>();
      for (Actor a : actors) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Reply.Kind> kinds = new ArrayList<>();
                  for (int n = 0; n < logsEach; n++) {
                    kinds.add(log.log(a, new Command.Log(30, "topic " + n)).kind());
                  }
                  return kinds;
                }));
      }
      start.countDown();
      for (Future<List<Reply.Kind>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).containsOnly(Reply.Kind.SUCCESS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counts().get("mentoring_session")).isEqualTo((long) threads * logsEach);
    assertThat(counts().get("signal")).isEqualTo(threads * ENROL_SIGNALS + threads * logsEach);
    assertThat(queryString("SELECT COUNT(DISTINCT id) FROM mentoring_session"))
        .isEqualTo(Long.toString((long) threads * logsEach));
  }

  @Test
  @DisplayName(
      "8 people joining a new workspace at once all get in, sharing one workspace and program")
  void concurrentFirstJoinsShareOneWorkspace() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Actor a = actor("U_NEW_" + i, "Newcomer " + i);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return enrol(a, Role.MENTEE, null);
                }));
      }
      start.countDown();
      for (Future<Reply> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS).kind()).isEqualTo(Reply.Kind.SUCCESS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counts())
        .isEqualTo(expected(1, threads, 1, threads, 0, threads * ENROL_SIGNALS, threads));
  }

  String queryString(String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from " + sql).isTrue();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
