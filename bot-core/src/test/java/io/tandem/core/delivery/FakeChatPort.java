package io.tandem.core.delivery;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A ChatPort that answers as scripted per dedup key (default: delivered) and records calls. */
final class FakeChatPort implements ChatPort {

  record Call(String dedupKey, int attempt, Instant at, String thread) {}

  private final Platform platform;
  private final Clock clock;
  private final Map<String, Deque<DeliveryResult>> scripts = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  /** What the platform holds: keys it took, whatever the port answered. */
  private final Set<String> onPlatform = ConcurrentHashMap.newKeySet();

  /** Keys whose platform call takes the message but answers as scripted (e.g. a timeout). */
  private final Set<String> takeAnyway = ConcurrentHashMap.newKeySet();

  /** Every {@link #findEarlierDelivery} call: the key and the time it looked from. */
  record Lookup(String dedupKey, Instant since) {}

  final List<Lookup> lookups = new CopyOnWriteArrayList<>();

  FakeChatPort(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  void script(String key, DeliveryResult... results) {
    scripts.put(key, new ArrayDeque<>(List.of(results)));
  }

  /** The call for {@code key} waits until the returned latch is counted down. */
  CountDownLatch gate(String key) {
    CountDownLatch latch = new CountDownLatch(1);
    gates.put(key, latch);
    return latch;
  }

  /** The platform already holds {@code key}, as if an earlier attempt's answer was lost. */
  void alreadyOnPlatform(String key) {
    onPlatform.add(key);
  }

  /** The platform takes {@code key} even when the scripted answer says it failed. */
  void takeEvenIfFailing(String key) {
    takeAnyway.add(key);
  }

  List<String> keys() {
    return calls.stream().map(Call::dedupKey).toList();
  }

  long count(String key) {
    return calls.stream().filter(c -> c.dedupKey().equals(key)).count();
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public DeliveryResult deliver(OutgoingMessage message) {
    calls.add(
        new Call(
            message.dedupKey(),
            message.attempt(),
            clock.instant(),
            Thread.currentThread().getName()));
    CountDownLatch gate = gates.get(message.dedupKey());
    if (gate != null) {
      try {
        if (!gate.await(10, TimeUnit.SECONDS)) {
          return DeliveryResult.transientFailure("gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return DeliveryResult.transientFailure("interrupted");
      }
    }
    Deque<DeliveryResult> script = scripts.get(message.dedupKey());
    DeliveryResult next = script == null ? null : script.poll();
    DeliveryResult result =
        next != null ? next : DeliveryResult.delivered("ref-" + message.dedupKey());
    if (result instanceof DeliveryResult.Delivered || takeAnyway.contains(message.dedupKey())) {
      onPlatform.add(message.dedupKey());
    }
    return result;
  }

  @Override
  public Optional<DeliveryResult> findEarlierDelivery(OutgoingMessage message, Instant since) {
    lookups.add(new Lookup(message.dedupKey(), since));
    return onPlatform.contains(message.dedupKey())
        ? Optional.of(DeliveryResult.delivered("found-" + message.dedupKey()))
        : Optional.empty();
  }
}
