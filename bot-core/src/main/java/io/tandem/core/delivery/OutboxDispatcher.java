package io.tandem.core.delivery;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
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

  /** A delivery is not started when less than this is left of its lease. */
  private static final Duration LEASE_SAFETY_MARGIN = Duration.ofSeconds(5);

  private static final int MAX_ERROR_LENGTH = 2000;

  /** One claimed row. */
  record Claimed(
      long id,
      long workspaceId,
      String dedupKey,
      Platform platform,
      String payload,
      int attempts,
      Instant leaseUntil,
      Instant uncertainSince) {

    String laneKey(ChatTarget target) {
      return platform + ":" + workspaceId + ":" + target.orderingKey();
    }
  }

  /** The messages of one conversation held in this process, in claim order. */
  private static final class Lane {
    final String key;
    final ArrayDeque<Claimed> queue = new ArrayDeque<>();
    boolean running;
    Instant blockedUntil;

    Lane(String key) {
      this.key = key;
    }
  }

  private final Database db;
  private final Map<Platform, ChatPort> ports;
  private final OutboxSettings settings;
  private final Clock clock;
  private final String instanceId;
  private final RandomGenerator random;
  private final String platformList;

  private final Map<String, Lane> lanes = new HashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ReentrantLock wakeLock = new ReentrantLock();
  private final Condition wakeCondition = wakeLock.newCondition();
  private boolean woken;
  private final AtomicLong nextDueMillis = new AtomicLong(Long.MAX_VALUE);
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
    this.random = Objects.requireNonNull(random, "random");
    Map<Platform, ChatPort> byPlatform = new EnumMap<>(Platform.class);
    for (ChatPort port : ports) {
      if (byPlatform.put(port.platform(), port) != null) {
        throw new IllegalArgumentException("two ports for " + port.platform());
      }
    }
    this.ports = Collections.unmodifiableMap(byPlatform);
    this.platformList =
        byPlatform.keySet().stream()
            .map(p -> "'" + p.name() + "'")
            .collect(Collectors.joining(","));
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
    int released = releaseLeases(db.isSqlite() ? null : instanceId, null);
    if (released > 0) {
      LOG.info(
          "Released {} outbox messages claimed before a restart; delivering them now", released);
    }
    AtomicInteger count = new AtomicInteger();
    workers =
        Executors.newFixedThreadPool(
            settings.workers(),
            r -> {
              Thread t = new Thread(r, "tandem-outbox-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    running = true;
    this.signal = signal;
    if (signal != null) {
      signal.subscribe(wakeListener);
    }
    coordinator = new Thread(this::coordinate, "tandem-outbox-dispatcher");
    coordinator.setDaemon(true);
    coordinator.start();
    LOG.info(
        "Outbox dispatcher {} started for {} ({} workers)",
        instanceId,
        ports.keySet(),
        settings.workers());
  }

  /** Claims due messages now rather than at the next poll. Cheap; callable from any thread. */
  public void wake() {
    wakeLock.lock();
    try {
      woken = true;
      wakeCondition.signalAll();
    } finally {
      wakeLock.unlock();
    }
  }

  /**
   * Releases every lease that has lapsed (its dispatcher died or lost its database connection), so
   * the message is claimable at once; wakes the dispatcher when there were any. Called by the
   * outbox sweep job.
   *
   * @return how many leases were released
   */
  public int releaseExpiredLeases() {
    int released = releaseLeases(null, clock.instant());
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
        awaitWork();
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

  private void awaitWork() throws InterruptedException {
    wakeLock.lock();
    try {
      long waitMillis = settings.pollInterval().toMillis();
      long due = nextDueMillis.get();
      if (due != Long.MAX_VALUE) {
        waitMillis = Math.min(waitMillis, Math.max(0, due - clock.millis()));
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (!woken && running) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wakeCondition.awaitNanos(left);
      }
      woken = false;
    } finally {
      wakeLock.unlock();
    }
  }

  private void claimWhileCapacity() {
    while (running) {
      int capacity = settings.batchSize() - inFlight.get();
      if (capacity <= 0) {
        return;
      }
      Instant now = clock.instant();
      if (nextDueMillis.get() <= now.toEpochMilli()) {
        nextDueMillis.set(Long.MAX_VALUE);
      }
      List<Claimed> claimed = claim(capacity, now);
      for (Claimed c : claimed) {
        inFlight.incrementAndGet();
        enqueue(c);
      }
      if (claimed.size() < capacity) {
        return;
      }
    }
  }

  private void enqueue(Claimed claimed) {
    OutboxPayload payload;
    try {
      payload = OutboxPayload.parse(claimed.payload());
    } catch (OutboxPayload.MalformedPayloadException e) {
      workers.execute(
          () -> {
            try {
              markDead(claimed, "unreadable payload: " + e.getMessage(), false, false);
              metrics.delivery(claimed.platform(), Metrics.Delivery.DEAD);
            } finally {
              finished();
            }
          });
      return;
    }
    String key = claimed.laneKey(payload.target());
    synchronized (lanes) {
      Lane lane = lanes.computeIfAbsent(key, Lane::new);
      lane.queue.add(claimed);
      if (!lane.running) {
        lane.running = true;
        workers.execute(() -> drain(lane));
      }
    }
  }

  private void drain(Lane lane) {
    while (true) {
      Claimed next;
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
          process(lane, next, OutboxPayload.parse(next.payload()));
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

  private void process(Lane lane, Claimed claimed, OutboxPayload payload) {
    Instant now = clock.instant();
    Instant blockedUntil;
    synchronized (lanes) {
      blockedUntil = lane.blockedUntil;
    }
    if (blockedUntil != null && blockedUntil.isAfter(now)) {
      // an earlier message of this conversation waits for a retry: keep the order
      defer(claimed, blockedUntil.plusMillis(1), null, false);
      return;
    }
    if (!claimed.leaseUntil().minus(LEASE_SAFETY_MARGIN).isAfter(now)) {
      LOG.warn(
          "Outbox message {} waited past its lease; leaving it to the next claim",
          claimed.dedupKey());
      return;
    }
    ChatPort port = ports.get(claimed.platform());
    int attempt = claimed.attempts() + 1;
    OutgoingMessage message =
        new OutgoingMessage(
            claimed.dedupKey(),
            payload.target(),
            payload.reply(),
            attempt,
            payload.attachments(),
            payload.files());
    DeliveryResult result = null;
    boolean attempted = false;
    if (claimed.uncertainSince() != null) {
      result = findEarlierDelivery(port, claimed, message);
    }
    if (result == null) {
      if (!startAttempt(claimed)) {
        LOG.warn(
            "Outbox message {} lost its claim before it was sent; leaving it to the next claim",
            claimed.dedupKey());
        return;
      }
      attempted = true;
      try {
        result = port.deliver(message);
      } catch (RuntimeException e) {
        result = new DeliveryResult.TransientFailure("unexpected: " + e);
        LOG.error("ChatPort {} threw for {}", claimed.platform(), claimed.dedupKey(), e);
      }
    }
    Instant after = clock.instant();
    if (result instanceof DeliveryResult.Delivered delivered) {
      markDelivered(claimed, delivered.messageRef(), after);
      metrics.delivery(claimed.platform(), Metrics.Delivery.DELIVERED);
    } else if (result instanceof DeliveryResult.RetryAfter retry) {
      Instant due = after.plus(retry.delay());
      LOG.info(
          "{} rate-limited delivery of {}: retrying after {} ms",
          claimed.platform(),
          claimed.dedupKey(),
          retry.delay().toMillis());
      block(lane, due);
      // a 429 means the platform did not take this attempt; an earlier unknown one was looked for
      deferAfterRateLimit(claimed, due, "rate limited: " + retry.reason(), attempted);
      metrics.delivery(claimed.platform(), Metrics.Delivery.RATE_LIMITED);
    } else if (result instanceof DeliveryResult.TransientFailure failure) {
      if (attempt >= settings.maxAttempts()) {
        LOG.warn(
            "Outbox message {} is dead after {} attempts: {}",
            claimed.dedupKey(),
            attempt,
            failure.error());
        // the last try may have reached the platform: an operator's retry looks first
        markDead(claimed, failure.error(), true, true);
        metrics.delivery(claimed.platform(), Metrics.Delivery.DEAD);
      } else {
        Instant due = after.plus(backoff(attempt));
        LOG.info(
            "Delivery of {} failed (attempt {}): {}; retrying at {}",
            claimed.dedupKey(),
            attempt,
            failure.error(),
            due);
        block(lane, due);
        defer(claimed, due, failure.error(), true);
        metrics.delivery(claimed.platform(), Metrics.Delivery.RETRIED);
      }
    } else if (result instanceof DeliveryResult.PermanentFailure failure) {
      LOG.warn("Outbox message {} cannot be delivered: {}", claimed.dedupKey(), failure.error());
      markDead(claimed, failure.error(), true, false);
      metrics.delivery(claimed.platform(), Metrics.Delivery.DEAD);
    }
  }

  /**
   * Asks the port whether an earlier attempt with an unknown outcome delivered the message after
   * all. Returns the outcome to record, or {@code null} to send it now.
   */
  private DeliveryResult findEarlierDelivery(
      ChatPort port, Claimed claimed, OutgoingMessage message) {
    DeliveryResult found;
    try {
      found = port.findEarlierDelivery(message, claimed.uncertainSince()).orElse(null);
    } catch (RuntimeException e) {
      LOG.error("ChatPort {} threw looking for {}", claimed.platform(), claimed.dedupKey(), e);
      return new DeliveryResult.TransientFailure("unexpected while looking: " + e);
    }
    if (found instanceof DeliveryResult.Delivered) {
      LOG.info(
          "Outbox message {} was delivered by an earlier attempt (started {}); not sending it again",
          claimed.dedupKey(),
          claimed.uncertainSince());
      return found;
    }
    if (found instanceof DeliveryResult.PermanentFailure failure) {
      LOG.warn(
          "Cannot tell whether outbox message {} was delivered before ({}); sending it again",
          claimed.dedupKey(),
          failure.error());
      return null;
    }
    return found;
  }

  private void block(Lane lane, Instant until) {
    synchronized (lanes) {
      if (lane.blockedUntil == null || lane.blockedUntil.isBefore(until)) {
        lane.blockedUntil = until;
      }
    }
  }

  /**
   * The delay before retry number {@code attempt + 1}: {@code base * 2^(attempt-1)}, capped at the
   * maximum, times a random factor in [0.5, 1].
   */
  Duration backoff(int attempt) {
    long base = settings.backoffBase().toMillis();
    long max = settings.backoffMax().toMillis();
    int shift = Math.min(attempt - 1, 30);
    long exponential = base > (max >> shift) ? max : Math.min(max, base << shift);
    double factor = 0.5 + 0.5 * random.nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(exponential * factor)));
  }

  // ---- the database

  /** Claims up to {@code limit} due messages for this instance. */
  List<Claimed> claim(int limit, Instant now) {
    if (ports.isEmpty()) {
      return List.of();
    }
    long nowMillis = now.toEpochMilli();
    long leaseUntil = now.plus(settings.lease()).toEpochMilli();
    String select =
        "SELECT id, workspace_id, dedup_key, platform, payload, attempts, attempt_started_at"
            + " FROM outbox_message"
            + " WHERE state = 'QUEUED' AND not_before <= ?"
            + " AND (lease_until IS NULL OR lease_until <= ?)"
            + " AND platform IN ("
            + platformList
            + ") ORDER BY not_before, created_at, id LIMIT ?"
            + (db.isSqlite() ? "" : " FOR UPDATE SKIP LOCKED");
    return db.inTransaction(
        em -> {
          Connection connection = em.unwrap(Connection.class);
          List<Claimed> claimed = new ArrayList<>();
          try {
            try (PreparedStatement ps = connection.prepareStatement(select)) {
              ps.setLong(1, nowMillis);
              ps.setLong(2, nowMillis);
              ps.setInt(3, limit);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  claimed.add(
                      new Claimed(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getString(3),
                          Platform.valueOf(rs.getString(4)),
                          rs.getString(5),
                          rs.getInt(6),
                          Instant.ofEpochMilli(leaseUntil),
                          instantOrNull(rs, 7)));
                }
              }
            }
            if (!claimed.isEmpty()) {
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "UPDATE outbox_message SET lease_owner = ?, lease_until = ?,"
                          + " version = version + 1 WHERE id = ?")) {
                for (Claimed c : claimed) {
                  ps.setString(1, instanceId);
                  ps.setLong(2, leaseUntil);
                  ps.setLong(3, c.id());
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException("could not claim outbox messages", e);
          }
          return claimed;
        });
  }

  private void markDelivered(Claimed claimed, String ref, Instant at) {
    update(
        "UPDATE outbox_message SET state = 'DELIVERED', delivered_at = ?, attempts = attempts + 1,"
            + " last_error = NULL, delivery_ref = ?, lease_owner = NULL, lease_until = NULL,"
            + " attempt_started_at = NULL,"
            + " version = version + 1 WHERE id = ? AND state = 'QUEUED'",
        ps -> {
          ps.setLong(1, at.toEpochMilli());
          ps.setString(2, ref == null ? null : truncate(ref, 200));
          ps.setLong(3, claimed.id());
        });
  }

  /**
   * @param outcomeUnknown the last attempt may have reached the platform (a transient failure):
   *     keep its mark, so that a retry ({@code tandem outbox --retry}) looks before it sends
   */
  private void markDead(
      Claimed claimed, String error, boolean countAttempt, boolean outcomeUnknown) {
    update(
        "UPDATE outbox_message SET state = 'DEAD', attempts = attempts + ?, last_error = ?,"
            + " lease_owner = NULL, lease_until = NULL,"
            + (outcomeUnknown ? "" : " attempt_started_at = NULL,")
            + " version = version + 1 WHERE id = ? AND state = 'QUEUED'",
        ps -> {
          ps.setInt(1, countAttempt ? 1 : 0);
          ps.setString(2, truncate(error, MAX_ERROR_LENGTH));
          ps.setLong(3, claimed.id());
        });
  }

  /**
   * Records, in its own committed transaction, that an attempt starts now, if this claim still
   * holds the message with at least the safety margin left. Keeps the start of an earlier attempt
   * whose outcome is unknown, so a later look covers both.
   *
   * @return false when the claim has lapsed or passed to another claim: do not send
   */
  boolean startAttempt(Claimed claimed) {
    Instant now = clock.instant();
    int[] count = new int[1];
    update(
        "UPDATE outbox_message SET attempt_started_at = COALESCE(attempt_started_at, ?),"
            + " version = version + 1 WHERE id = ? AND state = 'QUEUED' AND lease_owner = ?"
            + " AND lease_until = ? AND lease_until > ?",
        ps -> {
          ps.setLong(1, now.toEpochMilli());
          ps.setLong(2, claimed.id());
          ps.setString(3, instanceId);
          ps.setLong(4, claimed.leaseUntil().toEpochMilli());
          ps.setLong(5, now.plus(LEASE_SAFETY_MARGIN).toEpochMilli());
        },
        count);
    return count[0] == 1;
  }

  /**
   * Defers a rate-limited message. When the 429 answered this attempt, no attempt of the message
   * has an unknown outcome any more (an earlier one was looked for first), so the mark is cleared.
   */
  private void deferAfterRateLimit(Claimed claimed, Instant at, String error, boolean attempted) {
    if (!attempted) {
      defer(claimed, at, error, false);
      return;
    }
    noteDue(at);
    update(
        "UPDATE outbox_message SET not_before = ?, last_error = ?, lease_owner = NULL,"
            + " lease_until = NULL, attempt_started_at = NULL, version = version + 1"
            + " WHERE id = ? AND state = 'QUEUED' AND lease_owner = ?",
        ps -> {
          ps.setLong(1, at.toEpochMilli());
          ps.setString(2, truncate(error, MAX_ERROR_LENGTH));
          ps.setLong(3, claimed.id());
          ps.setString(4, instanceId);
        });
  }

  /** Makes a message due again at {@code at}, if this instance still holds its lease. */
  private void defer(Claimed claimed, Instant at, String error, boolean countAttempt) {
    noteDue(at);
    update(
        "UPDATE outbox_message SET not_before = ?, attempts = attempts + ?,"
            + " last_error = COALESCE(?, last_error), lease_owner = NULL, lease_until = NULL,"
            + " version = version + 1 WHERE id = ? AND state = 'QUEUED' AND lease_owner = ?",
        ps -> {
          ps.setLong(1, at.toEpochMilli());
          ps.setInt(2, countAttempt ? 1 : 0);
          ps.setString(3, error == null ? null : truncate(error, MAX_ERROR_LENGTH));
          ps.setLong(4, claimed.id());
          ps.setString(5, instanceId);
        });
  }

  private void noteDue(Instant at) {
    long millis = at.toEpochMilli();
    nextDueMillis.accumulateAndGet(millis, Math::min);
  }

  /**
   * Clears leases: of one owner (or all when {@code owner} is null) that lapsed before {@code
   * lapsedBy} (or all when null).
   */
  private int releaseLeases(String owner, Instant lapsedBy) {
    String sql =
        "UPDATE outbox_message SET lease_owner = NULL, lease_until = NULL, version = version + 1"
            + " WHERE state = 'QUEUED' AND lease_until IS NOT NULL"
            + (owner == null ? "" : " AND lease_owner = ?")
            + (lapsedBy == null ? "" : " AND lease_until <= ?");
    int[] count = new int[1];
    update(
        sql,
        ps -> {
          int i = 1;
          if (owner != null) {
            ps.setString(i++, owner);
          }
          if (lapsedBy != null) {
            ps.setLong(i, lapsedBy.toEpochMilli());
          }
        },
        count);
    return count[0];
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void update(String sql, Binder binder) {
    update(sql, binder, new int[1]);
  }

  private void update(String sql, Binder binder, int[] count) {
    db.inTransaction(
        em -> {
          try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement(sql)) {
            binder.bind(ps);
            count[0] = ps.executeUpdate();
          } catch (SQLException e) {
            throw new IllegalStateException("outbox update failed: " + e.getMessage(), e);
          }
          return null;
        });
  }

  private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
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
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    try {
      releaseLeases(instanceId, null);
    } catch (RuntimeException e) {
      LOG.warn("Could not release outbox leases on shutdown; they lapse by themselves", e);
    }
    coordinator = null;
    LOG.info("Outbox dispatcher {} stopped", instanceId);
  }
}
