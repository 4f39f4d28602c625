package io.tandem.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The outbox dispatcher (SQLite, scripted port, hand-moved clock)")
class OutboxDispatcherTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofMillis(300);

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T09:00:00Z"));
  private TestDatabase testDatabase;
  private Database db;
  private OutboxRows rows;
  private FakeChatPort port;
  private OutboxDispatcher dispatcher;

  /** Random factor 1.0: backoff is exactly base * 2^(attempt-1). */
  private static final RandomGenerator NO_JITTER = () -> -1L;

  private final OutboxSettings settings =
      OutboxSettings.defaults()
          .withPollInterval(Duration.ofMillis(20))
          .withMaxAttempts(3)
          .withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5))
          .withWorkers(4);

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(clock);
    rows = new OutboxRows(db, clock, Platform.SLACK);
    port = new FakeChatPort(Platform.SLACK, clock);
  }

  @AfterEach
  void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    testDatabase.close();
  }

  private OutboxDispatcher start(OutboxSettings s) {
    dispatcher = new OutboxDispatcher(db, List.of(port), s, clock, "test-1", NO_JITTER);
    dispatcher.start(OutboxSignal.attach(db));
    return dispatcher;
  }

  private void awaitState(String key, String state) {
    await()
        .atMost(TIMEOUT)
        .until(() -> rows.find(key).map(r -> r.state().equals(state)).orElse(false));
  }

  private void assertNoNewCallsFor(String key, long expected) {
    await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> port.count(key) == expected);
  }

  @Test
  @DisplayName("a queued message is delivered at once after the commit, without waiting a poll")
  void deliversOnCommit() {
    // GIVEN a dispatcher that would poll only once an hour
    start(settings.withPollInterval(Duration.ofHours(1)));

    // WHEN a use case queues a welcome DM
    rows.queueDm("welcome:1", "U1");

    // THEN it is delivered and recorded as such
    awaitState("welcome:1", "DELIVERED");
    OutboxRows.Row row = rows.row("welcome:1");
    assertThat(port.keys()).containsExactly("welcome:1");
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.deliveryRef()).isEqualTo("ref-welcome:1");
    assertThat(row.leaseOwner()).isNull();
    assertThat(row.lastError()).isNull();
    assertThat(row.attemptStartedAt()).isNull();
    assertThat(port.lookups).as("a first attempt never looks on the platform first").isEmpty();
  }

  @Test
  @DisplayName("a 429 is retried after exactly Retry-After and not counted as an attempt")
  void honoursRetryAfter() {
    port.script("r:1", DeliveryResult.retryAfter(Duration.ofSeconds(30), "ratelimited"));
    start(settings);
    Instant queuedAt = clock.instant();

    rows.queueDm("r:1", "U1");

    await().atMost(TIMEOUT).until(() -> rows.row("r:1").lastError() != null);
    OutboxRows.Row deferred = rows.row("r:1");
    assertThat(deferred.state()).isEqualTo("QUEUED");
    assertThat(deferred.attempts()).isZero();
    assertThat(deferred.notBefore()).isEqualTo(queuedAt.plusSeconds(30));
    assertThat(deferred.lastError()).contains("ratelimited");
    assertThat(deferred.attemptStartedAt()).as("a 429 leaves no doubt").isNull();

    // a millisecond early: not sent again
    clock.advance(Duration.ofSeconds(30).minusMillis(1));
    dispatcher.wake();
    assertNoNewCallsFor("r:1", 1);

    // on time: sent and delivered
    clock.advance(Duration.ofMillis(1));
    awaitState("r:1", "DELIVERED");
    assertThat(port.count("r:1")).isEqualTo(2);
    assertThat(port.calls.get(1).at()).isEqualTo(queuedAt.plusSeconds(30));
    assertThat(rows.row("r:1").attempts()).isEqualTo(1);
    assertThat(port.lookups).isEmpty();
  }

  @Test
  @DisplayName("5xx failures back off exponentially, then the message is delivered")
  void transientThenDelivered() {
    port.script(
        "t:1",
        DeliveryResult.transientFailure("HTTP 503"),
        DeliveryResult.transientFailure("HTTP 502"));
    start(settings);
    Instant start = clock.instant();

    rows.queueDm("t:1", "U1");
    await().atMost(TIMEOUT).until(() -> rows.row("t:1").attempts() == 1);
    assertThat(rows.row("t:1").notBefore()).isEqualTo(start.plusSeconds(10));

    clock.advance(Duration.ofSeconds(10));
    await().atMost(TIMEOUT).until(() -> rows.row("t:1").attempts() == 2);
    assertThat(rows.row("t:1").notBefore()).isEqualTo(start.plusSeconds(30));
    assertThat(rows.row("t:1").lastError()).isEqualTo("HTTP 502");

    clock.advance(Duration.ofSeconds(20));
    awaitState("t:1", "DELIVERED");
    assertThat(port.calls).extracting(FakeChatPort.Call::attempt).containsExactly(1, 2, 3);
    assertThat(port.lookups)
        .as(
            "a 5xx may hide a message the platform took: each retry looks first, from the first try")
        .containsExactly(
            new FakeChatPort.Lookup("t:1", start), new FakeChatPort.Lookup("t:1", start));
    assertThat(rows.row("t:1").attemptStartedAt()).isNull();
  }

  @Test
  @DisplayName("a timeout after the platform took the message: the retry finds it, sends nothing")
  void timeoutAfterThePlatformTookIt() {
    // GIVEN the platform takes the message but its answer times out
    port.script("late:1", DeliveryResult.transientFailure("timeout"));
    port.takeEvenIfFailing("late:1");
    start(settings);
    Instant sentAt = clock.instant();

    rows.queueDm("late:1", "U1");
    await().atMost(TIMEOUT).until(() -> rows.row("late:1").attempts() == 1);
    assertThat(rows.row("late:1").attemptStartedAt()).isEqualTo(sentAt.toEpochMilli());

    // WHEN the retry comes due
    clock.advance(Duration.ofSeconds(10));

    // THEN it finds the message on the platform and records it, without sending it again
    awaitState("late:1", "DELIVERED");
    assertThat(port.count("late:1")).isEqualTo(1);
    assertThat(port.lookups).containsExactly(new FakeChatPort.Lookup("late:1", sentAt));
    assertThat(rows.row("late:1").deliveryRef()).isEqualTo("found-late:1");
    assertThat(rows.row("late:1").attemptStartedAt()).isNull();
  }

  @Test
  @DisplayName("killed mid-delivery: on restart, what the platform took is recorded, not resent")
  void crashMidDeliveryIsExactlyOnce() {
    // GIVEN a run that claimed three messages, started sending two, and died: the platform took
    // "k:1" before the crash, "k:2" never arrived, "k:3" was not started
    rows.queueDm("k:1", "U1");
    rows.queueDm("k:2", "U2");
    rows.queueDm("k:3", "U3");
    Instant crashedAt = clock.instant();
    OutboxDispatcher before =
        new OutboxDispatcher(db, List.of(port), settings, clock, "test-1", NO_JITTER);
    List<ClaimedMessage> claimed = before.claim(10, clock.instant());
    assertThat(claimed).hasSize(3);
    for (ClaimedMessage c : claimed.subList(0, 2)) {
      assertThat(before.startAttempt(c)).isTrue();
    }
    port.alreadyOnPlatform("k:1");
    clock.advance(Duration.ofSeconds(3));

    // WHEN the instance starts again
    start(settings);

    // THEN each message is on the platform exactly once
    awaitState("k:1", "DELIVERED");
    awaitState("k:2", "DELIVERED");
    awaitState("k:3", "DELIVERED");
    assertThat(port.keys()).containsExactlyInAnyOrder("k:2", "k:3");
    assertThat(rows.row("k:1").deliveryRef()).isEqualTo("found-k:1");
    assertThat(port.lookups)
        .as("only the attempts whose outcome was unknown are looked for")
        .containsExactlyInAnyOrder(
            new FakeChatPort.Lookup("k:1", crashedAt), new FakeChatPort.Lookup("k:2", crashedAt));
  }

  @Test
  @DisplayName("after the configured number of tries the message is dead, with the last error")
  void deadAfterMaxAttempts() {
    port.script(
        "d:1",
        DeliveryResult.transientFailure("HTTP 500"),
        DeliveryResult.transientFailure("timeout"),
        DeliveryResult.transientFailure("HTTP 503 on the last try"));
    start(settings);

    rows.queueDm("d:1", "U1");
    for (int attempt = 1; attempt < 3; attempt++) {
      int done = attempt;
      await().atMost(TIMEOUT).until(() -> rows.row("d:1").attempts() == done);
      clock.advance(Duration.ofMinutes(5));
    }

    awaitState("d:1", "DEAD");
    OutboxRows.Row dead = rows.row("d:1");
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).isEqualTo("HTTP 503 on the last try");
    assertThat(dead.attemptStartedAt())
        .as("the last try may have reached the platform: a retry of the dead message looks first")
        .isNotNull();
    clock.advance(Duration.ofHours(1));
    assertNoNewCallsFor("d:1", 3);
  }

  @Test
  @DisplayName("a permanent failure is dead at once; an unreadable payload too, unsent")
  void permanentFailures() {
    port.script("p:1", DeliveryResult.permanentFailure("user_not_found"));
    start(settings);

    rows.queueDm("p:1", "U404");
    db.inTransaction(
        em -> {
          new io.tandem.core.store.Store(em)
              .queueOnce(
                  new io.tandem.core.delivery.OutboxMessage(
                      rows.workspaceId,
                      "legacy:1",
                      Platform.SLACK,
                      "U1",
                      null,
                      "{\"kind\":\"welcome\",\"text\":\"Hi\"}",
                      clock.instant(),
                      clock.instant()));
          return null;
        });

    awaitState("p:1", "DEAD");
    awaitState("legacy:1", "DEAD");
    assertThat(rows.row("p:1").lastError()).isEqualTo("user_not_found");
    assertThat(rows.row("p:1").attempts()).isEqualTo(1);
    assertThat(rows.row("p:1").attemptStartedAt()).as("a refusal leaves no doubt").isNull();
    assertThat(rows.row("legacy:1").lastError()).startsWith("unreadable payload");
    assertThat(port.keys()).containsExactly("p:1");
  }

  @Test
  @DisplayName("one conversation in order, others in parallel: a slow channel holds up only itself")
  void orderWithinParallelAcross() throws Exception {
    // GIVEN two messages to ana, the first of which hangs, and one to ben
    CountDownLatch firstToAna = port.gate("ana:1");
    rows.queueDm("ana:1", "U_ANA");
    rows.queueDm("ana:2", "U_ANA");
    rows.queueDm("ben:1", "U_BEN");

    // WHEN the dispatcher runs
    start(settings);

    // THEN ben's message goes out while ana's first hangs, and ana's second waits for it
    awaitState("ben:1", "DELIVERED");
    assertThat(port.keys()).contains("ana:1").doesNotContain("ana:2");
    firstToAna.countDown();
    awaitState("ana:2", "DELIVERED");
    assertThat(port.keys().indexOf("ana:1")).isLessThan(port.keys().indexOf("ana:2"));
  }

  @Test
  @DisplayName("a retry keeps the conversation's order: later messages wait behind it")
  void retryKeepsOrder() {
    port.script("c:1", DeliveryResult.retryAfter(Duration.ofSeconds(5), "ratelimited"));
    port.gate("c:1").countDown();
    rows.queue(
        Platform.SLACK, "c:1", new ChatTarget.ChannelMessage("C1"), Reply.info("1", List.of()));
    rows.queue(
        Platform.SLACK, "c:2", new ChatTarget.ChannelMessage("C1"), Reply.info("2", List.of()));

    start(settings);
    await().atMost(TIMEOUT).until(() -> rows.row("c:2").notBefore().isAfter(clock.instant()));
    assertThat(port.keys()).containsExactly("c:1");

    clock.advance(Duration.ofSeconds(6));
    awaitState("c:2", "DELIVERED");
    assertThat(port.keys()).containsExactly("c:1", "c:1", "c:2");
  }

  @Test
  @DisplayName("a claim that lapses (crash mid-delivery) is delivered again, once, by a survivor")
  void lapsedLeaseIsRedelivered() {
    // GIVEN instance A claimed a message and died before delivering it
    rows.queueDm("crash:1", "U1");
    OutboxDispatcher crashed =
        new OutboxDispatcher(db, List.of(port), settings, clock, "instance-a", NO_JITTER);
    assertThat(crashed.claim(10, clock.instant())).hasSize(1);
    assertThat(rows.row("crash:1").leaseOwner()).isEqualTo("instance-a");

    // THEN no one else can claim it while the lease lasts
    OutboxDispatcher survivor =
        new OutboxDispatcher(db, List.of(port), settings, clock, "instance-b", NO_JITTER);
    assertThat(survivor.claim(10, clock.instant())).isEmpty();
    assertThat(survivor.releaseExpiredLeases()).isZero();

    // WHEN the lease lapses, the sweep releases it and any instance delivers it
    clock.advance(settings.lease());
    assertThat(survivor.releaseExpiredLeases()).isEqualTo(1);
    assertThat(rows.row("crash:1").leaseOwner()).isNull();
    List<ClaimedMessage> retaken = survivor.claim(10, clock.instant());
    assertThat(retaken).hasSize(1);
    assertThat(crashed.claim(10, clock.instant())).isEmpty();
    // AND the new claim may start an attempt
    assertThat(survivor.startAttempt(retaken.get(0))).isTrue();
  }

  @Test
  @DisplayName("an attempt does not start on a claim that has lapsed or passed to another")
  void noAttemptOnALapsedClaim() {
    rows.queueDm("slow:1", "U1");
    OutboxDispatcher a = new OutboxDispatcher(db, List.of(port), settings, clock, "a", NO_JITTER);
    OutboxDispatcher b = new OutboxDispatcher(db, List.of(port), settings, clock, "b", NO_JITTER);
    ClaimedMessage first = a.claim(10, clock.instant()).get(0);

    clock.advance(settings.lease());
    assertThat(a.startAttempt(first)).as("lapsed").isFalse();
    ClaimedMessage second = b.claim(10, clock.instant()).get(0);
    assertThat(a.startAttempt(first)).as("taken over").isFalse();
    assertThat(b.startAttempt(second)).isTrue();
    assertThat(rows.row("slow:1").attemptStartedAt()).isEqualTo(clock.instant().toEpochMilli());
  }

  @Test
  @DisplayName("on restart, a single SQLite instance releases the claims of its previous run")
  void restartReleasesOwnClaims() {
    rows.queueDm("restart:1", "U1");
    new OutboxDispatcher(db, List.of(port), settings, clock, "test-1", NO_JITTER)
        .claim(10, clock.instant());

    start(settings);

    awaitState("restart:1", "DELIVERED");
    assertThat(port.count("restart:1")).isEqualTo(1);
  }

  @Test
  @DisplayName("messages of platforms without a port stay queued")
  void otherPlatformsWait() {
    OutboxRows discord = new OutboxRows(db, clock, Platform.DISCORD);
    discord.queue(
        Platform.DISCORD, "dc:1", new ChatTarget.DirectMessage("42"), Reply.info("x", List.of()));
    rows.queueDm("sl:1", "U1");
    start(settings);

    awaitState("sl:1", "DELIVERED");
    assertThat(rows.row("dc:1").state()).isEqualTo("QUEUED");
    assertThat(rows.row("dc:1").leaseOwner()).isNull();
  }

  @Test
  @DisplayName("backoff doubles per attempt up to the cap, jittered into [50%, 100%]")
  void backoff() {
    OutboxDispatcher exact =
        new OutboxDispatcher(db, List.of(port), settings, clock, "x", NO_JITTER);
    assertThat(exact.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(exact.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(exact.backoff(5)).isEqualTo(Duration.ofSeconds(160));
    assertThat(exact.backoff(6)).isEqualTo(Duration.ofMinutes(5));
    assertThat(exact.backoff(60)).isEqualTo(Duration.ofMinutes(5));

    OutboxDispatcher half = new OutboxDispatcher(db, List.of(port), settings, clock, "y", () -> 0L);
    assertThat(half.backoff(1)).isEqualTo(Duration.ofSeconds(5));
  }
}
