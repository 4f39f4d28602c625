package io.tandem.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import io.tandem.core.store.Database;
import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Two instances on one PostgreSQL share the workspace's rate limit")
@OnPostgres
class PostgresSharedRateLimitTest {

  /** The workspace's limit: 20 calls a second after a burst of 5. */
  private static final double PER_SECOND = 20;

  private static final int BURST = 5;

  private static final int MESSAGES = 90;

  private final TestDatabase testDatabase = TestDatabase.postgres();
  private final List<OutboxDispatcher> dispatchers = new ArrayList<>();

  @AfterEach
  void close() {
    dispatchers.forEach(OutboxDispatcher::close);
    testDatabase.close();
  }

  /** A platform that takes every message, recording when (real time) and through which instance. */
  private static final class PacedPort implements ChatPort {
    private final RateLimiter workspace;
    private final List<Long> calls;

    PacedPort(RateLimiter workspace, List<Long> calls) {
      this.workspace = workspace;
      this.calls = calls;
    }

    @Override
    public Platform platform() {
      return Platform.SLACK;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
      try {
        workspace.acquire("workspace");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return DeliveryResult.transientFailure("interrupted");
      }
      calls.add(System.nanoTime());
      return DeliveryResult.delivered("ref-" + message.dedupKey());
    }
  }

  @Test
  @DisplayName("together their dispatchers never exceed the per-workspace limit")
  void togetherWithinTheLimit() {
    // GIVEN 90 messages to one workspace, and two instances with their own pools, dispatchers and
    // limiters for the same budget
    Clock clock = Clock.systemUTC();
    Database dbA = testDatabase.open(clock);
    Database dbB = testDatabase.open(clock);
    OutboxRows rows = new OutboxRows(dbA, clock, Platform.SLACK);
    for (int i = 0; i < MESSAGES; i++) {
      rows.queueDm("m:" + i, "U" + (i % 30));
    }
    List<Long> callsA = new CopyOnWriteArrayList<>();
    List<Long> callsB = new CopyOnWriteArrayList<>();
    OutboxSettings settings =
        OutboxSettings.defaults().withBatchSize(5).withPollInterval(Duration.ofMillis(10));
    OutboxDispatcher a =
        new OutboxDispatcher(
            dbA, List.of(new PacedPort(limiter(dbA, clock), callsA)), settings, clock, "pg-a");
    OutboxDispatcher b =
        new OutboxDispatcher(
            dbB, List.of(new PacedPort(limiter(dbB, clock), callsB)), settings, clock, "pg-b");
    dispatchers.add(a);
    dispatchers.add(b);

    // WHEN both deliver at once
    a.start(OutboxSignal.attach(dbA));
    b.start(OutboxSignal.attach(dbB));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> rows.all().stream().allMatch(r -> r.state().equals("DELIVERED")));

    // THEN both did work
    assertThat(callsA).isNotEmpty();
    assertThat(callsB).isNotEmpty();
    // AND in every second, together, they made at most the burst plus a second's worth of calls
    // (one call of slack for the two machines' scheduling), where two separate budgets would allow
    // twice that
    List<Long> all = new ArrayList<>(callsA);
    all.addAll(callsB);
    all.sort(null);
    assertThat(all).hasSize(MESSAGES);
    long second = Duration.ofSeconds(1).toNanos();
    int most = 0;
    for (int i = 0; i < all.size(); i++) {
      int j = i;
      while (j < all.size() && all.get(j) - all.get(i) < second) {
        j++;
      }
      most = Math.max(most, j - i);
    }
    assertThat(most).isLessThanOrEqualTo(BURST + (int) PER_SECOND + 1);
    // AND the whole took as long as the limit asks: (90 - 5) / 20 = 4.25 s, less a little slack
    assertThat(Duration.ofNanos(all.get(all.size() - 1) - all.get(0)))
        .isGreaterThan(Duration.ofMillis(4000));
  }

  private static RateLimiter limiter(Database db, Clock clock) {
    return SharedRateLimiter.perSecond(db, "slack workspace", PER_SECOND, BURST, clock);
  }
}
