package io.tandem.core.delivery;

import io.tandem.core.kernel.DaemonThreads;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: claims due messages, hands them to the {@link ChatPort} of their platform
 * and records each outcome.
 *
 * <p><b>Claiming.</b> A claim takes up to {@link OutboxSettings#batchSize()} rows that are {@code
 * QUEUED}, due ({@code not_before <= now}) and not leased by a live claim, oldest first, and leases
 * them to this instance ({@code lease_owner}, {@code lease_until = now + lease}) in one short
 * transaction. On PostgreSQL the rows are selected {@code FOR UPDATE SKIP LOCKED}, so instances
 * sharing a database never claim the same row; on SQLite (one instance) the transaction holds the
 * write lock, which is enough.
 *
 * <p><b>Delivering.</b> Messages for the same conversation ({@link ChatTarget#orderingKey()}) go
 * out one after another in claim order, different conversations in parallel on {@link
 * OutboxSettings#workers()} threads; a slow or failing conversation holds up only itself. The ports
 * pace themselves with their rate limiters.
 *
 * <p><b>Outcomes</b>, each recorded in its own short transaction:
 *
 * <ul>
 *   <li>delivered: {@code DELIVERED}, with the platform's message reference;
 *   <li>429: due again after exactly the platform's {@code Retry-After}; not counted as an attempt;
 *   <li>5xx, timeout: counted; due again after a jittered exponential backoff ({@code base *
 *       2^(attempt-1)}, capped, times a random factor in [0.5, 1]); after {@link
 *       OutboxSettings#maxAttempts()} attempts {@code DEAD}, with the last error;
 *   <li>permanent failure, unreadable payload: {@code DEAD} at once, with the error.
 * </ul>
 *
 * When a message is deferred, the later messages of its conversation already claimed are deferred
 * behind it (and the conversation stays blocked in this process until then), so a retry does not
 * reorder a conversation.
 *
 * <p><b>Exactly once.</b> Just before each platform call the dispatcher commits the time the
 * attempt starts ({@code attempt_started_at}, only while its claim still holds); recording an
 * outcome clears it, except for transient failures (a timeout or a 5xx may hide a message the
 * platform did take). A message claimed with the mark still set had an attempt whose outcome is
 * unknown, so before sending it the dispatcher asks the port ({@link ChatPort#findEarlierDelivery})
 * whether a message with its key arrived since that time, and records it delivered instead of
 * sending when one did. First attempts never take that detour. The windows:
 *
 * <ol>
 *   <li>Crash after the claim, before the attempt is marked: nothing was sent; the lease lapses
 *       (or, on restart, this instance releases its own leases at once) and the message is sent
 *       then.
 *   <li>Crash, lapsed lease or timeout after the mark, before the outcome is recorded: the next
 *       claim looks first. Slack: the port tags each message with its key in the message {@code
 *       metadata} and reads {@code conversations.history}. Discord: the port sends the key as the
 *       message {@code nonce} with {@code enforce_nonce}, so Discord itself answers a repeat
 *       (within minutes) with the first message.
 *   <li>A message waits in memory longer than its lease (a long rate-limit queue): it is not sent
 *       here, since another claim may own it now; marking the attempt checks the lease in the
 *       database.
 *   <li>Recording the outcome fails (database unavailable): as in 2.
 * </ol>
 *
 * <p><b>Waking.</b> The dispatcher claims at once when {@link #wake()} is called (the {@link
 * OutboxSignal} does that after every commit that queued a message), when a deferred message comes
 * due, when capacity frees up, and otherwise every {@link OutboxSettings#pollInterval()}.
 *
 * <p>Thread-safe. {@link #start()} once, {@link #close()} once (it waits for deliveries under way).
 */
public final class OutboxDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final Database db;
  private final Map<Platform, ChatPort> ports;
  private final OutboxSettings settings;
  private final Clock clock;
  private final String instanceId;
  private final RetryBackoff backoff;
  private final OutboxLeases leases;
  private final DeliverMessage delivery;

  private final Map<String, Lane> lanes = new HashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Wakeup wakeup;
  private final Runnable wakeListener = this::wake;
  private OutboxSignal signal;
  private final Metrics metrics;

  private volatile boolean running;
  private Thread coordinator;
  private ExecutorService workers;

  /**
   * @param ports one per platform to deliver to; rows of other platforms stay queued
   * @param instanceId names this instance's leases; stable across restarts of the same instance
   */
  public OutboxDispatcher(
      Database db,
      List<ChatPort> ports,
      OutboxSettings settings,
      Clock clock,
      String instanceId,
      RandomGenerator random) {
    this(db, ports, settings, clock, instanceId, random, Metrics.NONE);
  }

  /**
   * As {@link #OutboxDispatcher(Database, List, OutboxSettings, Clock, String, RandomGenerator)},
   * reporting each delivery attempt's outcome to {@code metrics}.
   */
  public OutboxDispatcher(
      Database db,
      List<ChatPort> ports,
      OutboxSettings settings,
      Clock clock,
      String instanceId,
      RandomGenerator random,
      Metrics metrics) {
    this.db = Objects.requireNonNull(db, "db");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.backoff =
        new RetryBackoff(
            settings.backoffBase(),
            settings.backoffMax(),
            Objects.requireNonNull(random, "random"));
    Map<Platform, ChatPort> byPlatform = new EnumMap<>(Platform.class);
    for (ChatPort port : ports) {
      if (byPlatform.put(port.platform(), port) != null) {
        throw new IllegalArgumentException("two ports for " + port.platform());
      }
    }
    this.ports = Collections.unmodifiableMap(byPlatform);
    this.wakeup = new Wakeup(clock, settings.pollInterval());
    this.leases = OutboxLeases.in(db, instanceId, byPlatform.keySet());
    this.delivery =
        new DeliverMessage(
            this.ports, leases, settings, clock, backoff, () -> metrics, wakeup::dueAt);
  }

  public OutboxDispatcher(
      Database db, List<ChatPort> ports, OutboxSettings settings, Clock clock, String instanceId) {
    this(db, ports, settings, clock, instanceId, new Random());
  }

  /**
   * Releases the leases a previous run of this instance left behind (all leases on SQLite, where
   * only one instance runs), then starts claiming.
   *
   * @param signal wakes the dispatcher after commits that queued messages, or {@code null}
   */
  public synchronized void start(OutboxSignal signal) {
    if (coordinator != null) {
      throw new IllegalStateException("already started");
    }
    int released = leases.releaseLeases(db.isSqlite() ? null : instanceId, null);
    if (released > 0) {
      LOG.info(
          "Released {} outbox messages claimed before a restart; delivering them now", released);
    }
    workers =
        Executors.newFixedThreadPool(settings.workers(), DaemonThreads.numbered("tandem-outbox-"));
    running = true;
    this.signal = signal;
    if (signal != null) {
      signal.subscribe(wakeListener);
    }
    coordinator = DaemonThreads.start("tandem-outbox-dispatcher", this::coordinate);
    LOG.info(
        "Outbox dispatcher {} started for {} ({} workers)",
        instanceId,
        ports.keySet(),
        settings.workers());
  }

  /** Claims due messages now rather than at the next poll. Cheap; callable from any thread. */
  public void wake() {
    wakeup.wake();
  }

  /**
   * Releases every lease that has lapsed (its dispatcher died or lost its database connection), so
   * the message is claimable at once; wakes the dispatcher when there were any. Called by the
   * outbox sweep job.
   *
   * @return how many leases were released
   */
  public int releaseExpiredLeases() {
    int released = leases.releaseLeases(null, clock.instant());
    if (released > 0) {
      LOG.warn("Released {} outbox messages whose claim lapsed; delivering them again", released);
      wake();
    }
    return released;
  }

  // ---- the coordinator

  private void coordinate() {
    while (running) {
      try {
        wakeup.await(() -> running);
        if (!running) {
          break;
        }
        claimWhileCapacity();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.error("Outbox claim failed; trying again at the next poll", e);
        sleepQuietly(settings.pollInterval());
      }
    }
  }

  private void claimWhileCapacity() {
    while (running) {
      int capacity = settings.batchSize() - inFlight.get();
      if (capacity <= 0) {
        return;
      }
      Instant now = clock.instant();
      wakeup.claiming(now);
      List<ClaimedMessage> claimed = claim(capacity, now);
      for (ClaimedMessage c : claimed) {
        inFlight.incrementAndGet();
        enqueue(c);
      }
      if (claimed.size() < capacity) {
        return;
      }
    }
  }

  private void enqueue(ClaimedMessage claimed) {
    OutboxPayload payload;
    try {
      payload = OutboxPayload.parse(claimed.payload());
    } catch (OutboxPayload.MalformedPayloadException e) {
      workers.execute(
          () -> {
            try {
              delivery.unreadable(claimed, e.getMessage());
            } finally {
              finished();
            }
          });
      return;
    }
    String key = claimed.laneKey(payload.target());
    synchronized (lanes) {
      Lane lane = lanes.computeIfAbsent(key, k -> new Lane(k, lanes));
      lane.queue.add(claimed);
      if (!lane.running) {
        lane.running = true;
        workers.execute(() -> drain(lane));
      }
    }
  }

  private void drain(Lane lane) {
    while (true) {
      ClaimedMessage next;
      synchronized (lanes) {
        next = lane.queue.poll();
        if (next == null) {
          lane.running = false;
          if (lane.blockedUntil == null || !lane.blockedUntil.isAfter(clock.instant())) {
            lanes.remove(lane.key);
          }
          return;
        }
      }
      try {
        if (running) {
          // when stopping, what is left stays leased to this instance and close() releases it
          delivery.deliver(lane, next, OutboxPayload.parse(next.payload()));
        }
      } catch (RuntimeException e) {
        LOG.error("Delivering outbox message {} failed unexpectedly", next.dedupKey(), e);
      } finally {
        finished();
      }
    }
  }

  private void finished() {
    inFlight.decrementAndGet();
    wake();
  }

  /** The delay before retry number {@code attempt + 1}. */
  Duration backoff(int attempt) {
    return backoff.delay(attempt);
  }

  // ---- claims, driven directly by the tests

  /** Claims up to {@code limit} due messages for this instance. */
  List<ClaimedMessage> claim(int limit, Instant now) {
    return leases.claim(limit, now, now.plus(settings.lease()));
  }

  /**
   * Records that an attempt starts now, if this claim still holds the message with at least the
   * safety margin left.
   *
   * @return false when the claim has lapsed or passed to another claim: do not send
   */
  boolean startAttempt(ClaimedMessage claimed) {
    return delivery.startAttempt(claimed);
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String instanceId() {
    return instanceId;
  }

  /** Stops claiming, waits up to 10 s for deliveries under way, and releases what is left. */
  @Override
  public synchronized void close() {
    if (coordinator == null) {
      return;
    }
    running = false;
    if (signal != null) {
      signal.unsubscribe(wakeListener);
    }
    wake();
    try {
      coordinator.join(TimeUnit.SECONDS.toMillis(10));
      workers.shutdown();
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
        // deliveries woken by the interrupt record their outcome before the database closes
        workers.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    try {
      leases.releaseLeases(instanceId, null);
    } catch (RuntimeException e) {
      LOG.warn("Could not release outbox leases on shutdown; they lapse by themselves", e);
    }
    coordinator = null;
    LOG.info("Outbox dispatcher {} stopped", instanceId);
  }
}
