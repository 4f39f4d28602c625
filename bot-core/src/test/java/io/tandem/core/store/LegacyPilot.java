package io.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.usecases.UseCaseFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small pilot in {@code legacy/tandem-before-flyway.db}: Maya (admin) runs "Spring pilot", Ana
 * mentors Ben, Ana logged 45 minutes on Instagram reels, Ben set a goal with one task. The same
 * steps build it on any schema the application can use, and the checks read it back through the
 * application.
 */
final class LegacyPilot {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
  static final Actor MAYA =
      new Actor(Platform.SLACK, "T_ACME", "U_MAYA", "Maya", "Europe/Berlin", true);
  static final Actor ANA =
      new Actor(Platform.SLACK, "T_ACME", "U_ANA", "Ana", "Europe/Berlin", false);
  static final Actor BEN =
      new Actor(Platform.SLACK, "T_ACME", "U_BEN", "Ben", "Europe/Berlin", false);

  /** Row counts of the pilot, table by table. */
  static final Map<String, Long> COUNTS = counts();

  private LegacyPilot() {}

  /** Runs the pilot's commands against {@code db}. */
  static void build(Database db) {
    CommandDispatcher tandem = UseCaseFixture.dispatcher(db, CLOCK);
    ok(
        tandem,
        MAYA,
        "program create Spring pilot every 2w for 12w cap 20 gap 1"
            + " skills Instagram reels, Leadership 2");
    ok(tandem, MAYA, "program open Spring pilot");
    UseCaseFixture.enrol(db, CLOCK, ANA, Role.MENTOR, "Spring pilot", "Marketing", "Europe/Berlin");
    UseCaseFixture.enrol(db, CLOCK, BEN, Role.MENTEE, "Spring pilot", "Sales", "Europe/Berlin");
    ok(tandem, MAYA, "program start Spring pilot");
    ok(tandem, MAYA, "match preview Spring pilot");
    ok(tandem, MAYA, "match approve Spring pilot");
    ok(tandem, ANA, "log 45m Instagram reels");
    ok(tandem, BEN, "goal add Learn Instagram reels by 2027-01-31 for me");
    ok(tandem, BEN, "task add 1 Post a first reel");
  }

  /** Asserts that every row of the pilot is there and the application still reads it. */
  static void assertIntact(Database db) {
    Map<String, Long> counts = new LinkedHashMap<>(StoreStats.counts(db));
    // the file holds the 6 messages its release queued; today's code queues more for the same
    // pilot (meeting times, agreement questions), so a pilot built now has at least as many
    assertThat(counts.remove("outbox_message"))
        .isGreaterThanOrEqualTo(COUNTS.get("outbox_message"));
    Map<String, Long> expected = new LinkedHashMap<>(COUNTS);
    expected.remove("outbox_message");
    assertThat(counts).isEqualTo(expected);
    CommandDispatcher tandem = UseCaseFixture.dispatcher(db, CLOCK);
    Reply anaStatus = tandem.handle(new Invocation(ANA, "D1", "status"));
    assertThat(anaStatus.kind()).isNotEqualTo(Reply.Kind.ERROR);
    assertThat(anaStatus.toString()).contains("Ben").contains("Spring pilot");
    Reply benGoals = tandem.handle(new Invocation(BEN, "D1", "goal list"));
    assertThat(benGoals.toString()).contains("Learn Instagram reels");
    Reply tasks = tandem.handle(new Invocation(BEN, "D1", "task list"));
    assertThat(tasks.toString()).contains("Post a first reel");
  }

  private static void ok(CommandDispatcher tandem, Actor actor, String text) {
    Reply reply = tandem.handle(new Invocation(actor, "C1", text));
    assertThat(reply.kind()).as("%s: %s", text, reply.text()).isNotEqualTo(Reply.Kind.ERROR);
  }

  private static Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : StoreStats.TABLES) {
      counts.put(table, 0L);
    }
    counts.put("workspace", 1L);
    counts.put("member", 2L);
    counts.put("program", 1L);
    counts.put("participant", 2L);
    counts.put("mentoring_session", 1L);
    counts.put("signal", 18L);
    counts.put("outbox_message", 6L);
    counts.put("mentoring_pair", 1L);
    counts.put("session_note", 1L);
    counts.put("goal", 1L);
    counts.put("goal_task", 1L);
    return Map.copyOf(counts);
  }
}
