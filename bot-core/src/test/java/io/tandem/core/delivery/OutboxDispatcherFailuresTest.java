package io.tandem.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link ChatPort} that fails in a way the scripted fake cannot: it throws, mid-batch. The
 * dispatcher must treat that as one transient failure and carry on with the rest.
 */
@DisplayName("The outbox dispatcher, with a chat port that throws mid-batch (Mockito)")
class OutboxDispatcherFailuresTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final RandomGenerator NO_JITTER = () -> -1L;

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T09:00:00Z"));
  private final OutboxSettings settings =
      OutboxSettings.defaults()
          .withPollInterval(Duration.ofMillis(20))
          .withMaxAttempts(3)
          .withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5))
          .withWorkers(2);
  private TestDatabase testDatabase;
  private Database db;
  private OutboxRows rows;
  private OutboxDispatcher dispatcher;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(clock);
    rows = new OutboxRows(db, clock, Platform.SLACK);
  }

  @AfterEach
  void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    testDatabase.close();
  }

  @Test
  @DisplayName("the rest of the batch is delivered, the one that threw is retried, none twice")
  void throwingPortMidBatch() {
    // GIVEN three queued messages, and a port whose first call for "b:2" throws
    ChatPort port = mock(ChatPort.class);
    when(port.platform()).thenReturn(Platform.SLACK);
    when(port.findEarlierDelivery(any(), any())).thenReturn(Optional.empty());
    AtomicBoolean thrown = new AtomicBoolean();
    when(port.deliver(any()))
        .thenAnswer(
            call -> {
              OutgoingMessage message = call.getArgument(0);
              if (message.dedupKey().equals("b:2") && thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("connection reset");
              }
              return DeliveryResult.delivered("ref-" + message.dedupKey());
            });
    rows.queueDm("b:1", "U1");
    rows.queueDm("b:2", "U2");
    rows.queueDm("b:3", "U3");

    // WHEN the dispatcher claims them in one batch
    dispatcher = new OutboxDispatcher(db, List.of(port), settings, clock, "test-1", NO_JITTER);
    dispatcher.start(OutboxSignal.attach(db));

    // THEN the others are delivered, and the one that threw waits for its backoff
    awaitState("b:1", "DELIVERED");
    awaitState("b:3", "DELIVERED");
    await().atMost(TIMEOUT).until(() -> rows.row("b:2").lastError() != null);
    OutboxRows.Row failed = rows.row("b:2");
    assertThat(failed.state()).isEqualTo("QUEUED");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("connection reset");
    assertThat(failed.notBefore()).isEqualTo(clock.instant().plusSeconds(10));

    // WHEN its backoff has passed
    clock.advance(Duration.ofSeconds(10));
    dispatcher.wake();

    // THEN it goes out after looking first (the throw may have hidden a delivery), and every
    // message reached the port exactly as often as it had to
    awaitState("b:2", "DELIVERED");
    verify(port, times(1)).deliver(argThat(m -> m.dedupKey().equals("b:1")));
    verify(port, times(2)).deliver(argThat(m -> m.dedupKey().equals("b:2")));
    verify(port, times(1)).deliver(argThat(m -> m.dedupKey().equals("b:3")));
    verify(port, times(1)).findEarlierDelivery(argThat(m -> m.dedupKey().equals("b:2")), any());
    assertThat(rows.row("b:2").deliveryRef()).isEqualTo("ref-b:2");
  }

  @Test
  @DisplayName("a port that throws while looking for an earlier delivery sends nothing then")
  void throwingLookupSendsNothing() {
    // GIVEN a message whose earlier attempt's outcome is unknown
    ChatPort port = mock(ChatPort.class);
    when(port.platform()).thenReturn(Platform.SLACK);
    when(port.deliver(any())).thenReturn(DeliveryResult.transientFailure("timeout"));
    rows.queueDm("look:1", "U1");
    dispatcher = new OutboxDispatcher(db, List.of(port), settings, clock, "test-1", NO_JITTER);
    dispatcher.start(OutboxSignal.attach(db));
    await().atMost(TIMEOUT).until(() -> rows.row("look:1").attempts() == 1);
    assertThat(rows.row("look:1").attemptStartedAt()).isNotNull();

    // WHEN the retry's look on the platform throws
    when(port.findEarlierDelivery(any(), any())).thenThrow(new IllegalStateException("down"));
    clock.advance(Duration.ofSeconds(10));
    dispatcher.wake();

    // THEN the message is not sent blind: the failure counts as an attempt and it waits again
    await().atMost(TIMEOUT).until(() -> rows.row("look:1").attempts() == 2);
    verify(port, times(1)).deliver(any());
    assertThat(rows.row("look:1").lastError()).contains("unexpected while looking");
  }

  private void awaitState(String key, String state) {
    await()
        .atMost(TIMEOUT)
        .until(() -> rows.find(key).map(r -> r.state().equals(state)).orElse(false));
  }
}
