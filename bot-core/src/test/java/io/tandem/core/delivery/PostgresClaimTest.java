package io.tandem.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Two dispatchers on one PostgreSQL")
@OnPostgres
class PostgresClaimTest {

  private final TestDatabase testDatabase = TestDatabase.postgres();
  private OutboxDispatcher first;
  private OutboxDispatcher second;

  @AfterEach
  void close() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
    testDatabase.close();
  }

  @Test
  @DisplayName("each message is claimed by one instance (FOR UPDATE SKIP LOCKED) and sent once")
  void eachMessageOnce() {
    // GIVEN 300 messages to 30 people, and two instances with separate pools and ports
    Clock clock = Clock.systemUTC();
    Database dbA = testDatabase.open(clock);
    Database dbB = testDatabase.open(clock);
    OutboxRows rows = new OutboxRows(dbA, clock, Platform.SLACK);
    for (int i = 0; i < 300; i++) {
      rows.queueDm("m:" + i, "U" + (i % 30));
    }
    FakeChatPort portA = new FakeChatPort(Platform.SLACK, clock);
    FakeChatPort portB = new FakeChatPort(Platform.SLACK, clock);
    OutboxSettings settings =
        OutboxSettings.defaults().withBatchSize(7).withPollInterval(Duration.ofMillis(10));

    // WHEN both run at once
    first = new OutboxDispatcher(dbA, List.of(portA), settings, clock, "pg-a");
    second = new OutboxDispatcher(dbB, List.of(portB), settings, clock, "pg-b");
    first.start(OutboxSignal.attach(dbA));
    second.start(OutboxSignal.attach(dbB));

    // THEN every message is delivered, each by exactly one of them, exactly once
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rows.all().stream().allMatch(r -> r.state().equals("DELIVERED")));
    Map<String, Long> sends =
        java.util.stream.Stream.concat(portA.keys().stream(), portB.keys().stream())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(sends).hasSize(300).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    assertThat(portA.keys()).isNotEmpty();
    assertThat(portB.keys()).isNotEmpty();
  }
}
