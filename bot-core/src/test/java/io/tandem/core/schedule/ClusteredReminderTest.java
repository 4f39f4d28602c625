package io.tandem.core.schedule;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.tandem.core.delivery.OutboxDispatcher;
import io.tandem.core.delivery.OutboxSettings;
import io.tandem.core.delivery.OutboxSignal;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.kernel.Role;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.programs.Programs;
import io.tandem.core.reminders.Nudges;
import io.tandem.core.reminders.Participation;
import io.tandem.core.reminders.ReminderJob;
import io.tandem.core.reminders.ReminderSettings;
import io.tandem.core.reminders.Reminders;
import io.tandem.core.store.Database;
import io.tandem.core.store.OnPostgres;
import io.tandem.core.store.Store;
import io.tandem.core.store.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two Tandem instances on one PostgreSQL schema, each with its own pool, clustered Quartz running
 * the real {@link ReminderJob} fan-out and its own outbox dispatcher, deliver to one shared chat
 * platform. Pairs with due reminders appear while they run; the instance holding a delivery in
 * flight (the platform took the message, the answer is not back) dies abruptly: its database is
 * gone and it makes no further call. The survivor takes over the job and the outbox.
 *
 * <p>Each due reminder is queued once (one outbox row per key) and reaches the platform once,
 * including the one in flight at the death.
 */
@DisplayName("Clustered reminders on PostgreSQL: each due reminder sent once, also after a death")
@OnPostgres
class ClusteredReminderTest {

  private static final int PAIRS_BEFORE = 40;
  private static final int PAIRS_AFTER = 20;
  private static final Duration JOB_INTERVAL = Duration.ofMillis(500);
  private static final Duration CHECKIN = Duration.ofMillis(500);
  private static final Duration LEASE = Duration.ofSeconds(8);
  private static final String TEAM = "T_CLUSTER";

  private final TestDatabase testDatabase = TestDatabase.postgres();
  private final Clock clock = Clock.systemUTC();
  private final ChatPlatform platform = new ChatPlatform();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Run> runs = new CopyOnWriteArrayList<>();
  private final AtomicInteger people = new AtomicInteger();

  /** One run of the reminder job: on which instance, for which firing. */
  record Run(String instance, Instant firedAt, Instant ranAt) {}

  /**
   * The chat platform both instances deliver to: what it holds per key. The first reminder from the
   * node named in {@link #armInFlight} is taken and then held open until {@link #releaseInFlight},
   * like a call whose answer is still on the wire.
   */
  static final class ChatPlatform {
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final Map<String, String> refs = new ConcurrentHashMap<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile String armedFor;
    private final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch inFlightTaken = new CountDownLatch(1);
    volatile String inFlightKey;
    volatile String inFlightNode;

    void armInFlight(String node) {
      armedFor = node;
      armed.set(true);
    }

    void releaseInFlight() {
      release.countDown();
    }

    DeliveryResult take(String node, OutgoingMessage message) {
      received.computeIfAbsent(message.dedupKey(), k -> new AtomicInteger()).incrementAndGet();
      String ref = node + "/" + message.dedupKey();
      refs.putIfAbsent(message.dedupKey(), ref);
      if (node.equals(armedFor)
          && message.dedupKey().startsWith("reminder:")
          && armed.compareAndSet(true, false)) {
        inFlightKey = message.dedupKey();
        inFlightNode = node;
        inFlightTaken.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return DeliveryResult.delivered(ref);
    }
  }

  /** One instance's port to the platform; after its instance died it reaches nothing. */
  static final class NodePort implements ChatPort {
    private final String node;
    private final ChatPlatform platform;
    final AtomicBoolean dead = new AtomicBoolean();

    NodePort(String node, ChatPlatform platform) {
      this.node = node;
      this.platform = platform;
    }

    @Override
    public Platform platform() {
      return Platform.SLACK;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
      if (dead.get()) {
        return DeliveryResult.transientFailure("process is dead");
      }
      return platform.take(node, message);
    }

    @Override
    public Optional<DeliveryResult> findEarlierDelivery(OutgoingMessage message, Instant since) {
      if (dead.get()) {
        return Optional.of(DeliveryResult.transientFailure("process is dead"));
      }
      String ref = platform.refs.get(message.dedupKey());
      return ref == null ? Optional.empty() : Optional.of(DeliveryResult.delivered(ref));
    }
  }

  /** The reminder job as registered, noting which instance ran which firing. */
  static final class Noted implements ScheduledJob {
    private final String instance;
    private final ReminderJob job;
    private final List<Run> runs;

    Noted(String instance, ReminderJob job, List<Run> runs) {
      this.instance = instance;
      this.job = job;
      this.runs = runs;
    }

    @Override
    public String key() {
      return job.key();
    }

    @Override
    public Schedule schedule() {
      return job.schedule();
    }

    @Override
    public void run(Instant firedAt) {
      runs.add(new Run(instance, firedAt, Instant.now()));
      job.run(firedAt);
    }
  }

  /** One Tandem instance: its pool, its clustered scheduler, its dispatcher. */
  record Node(
      String name,
      Database db,
      Scheduling scheduling,
      OutboxDispatcher dispatcher,
      NodePort port) {}

  @AfterEach
  void close() {
    platform.releaseInFlight();
    for (Node node : nodes) {
      node.dispatcher().close();
      try {
        node.scheduling().close();
      } catch (Exception e) {
        // the dead node's scheduler cannot reach its database any more
      }
    }
    testDatabase.close();
  }

  private Node start(String name) throws Exception {
    Database db = testDatabase.open(clock);
    ReminderSettings settings = ReminderSettings.defaults();
    ReminderJob job =
        new ReminderJob(
            new Participation(db, clock),
            new Reminders(db, clock, settings),
            new Nudges(db, clock, settings),
            JOB_INTERVAL);
    NodePort port = new NodePort(name, platform);
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            db,
            List.of(port),
            OutboxSettings.defaults()
                .withPollInterval(Duration.ofMillis(100))
                .withLease(LEASE)
                .withWorkers(4),
            clock,
            name);
    Scheduling scheduling =
        new Scheduling(
            db, new SchedulerSettings(name, 2, CHECKIN), List.of(new Noted(name, job, runs)));
    Node node = new Node(name, db, scheduling, dispatcher, port);
    nodes.add(node);
    dispatcher.start(OutboxSignal.attach(db));
    scheduling.start();
    return node;
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  @DisplayName("two instances fan out due reminders; one dies mid-delivery; each is sent once")
  void eachDueReminderOnceAcrossInstancesAndDeath() throws Exception {
    // GIVEN a running program whose people live where it is now early afternoon, reminded at 10:00
    // and on weekends too, so the first cadence slot's reminders (an hour ago) are due now
    Database setup = testDatabase.open(clock);
    ZoneId zone = zoneWhereItIsNoonNow();
    Instant pairedAt = clock.instant().minus(14, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS);

    // AND two instances running the reminder job and the outbox
    Node a = start("node-a");
    Node b = start("node-b");

    // WHEN pairs appear while they run, and the platform holds open the first reminder that the
    // instance which ran the job last delivers
    await().atMost(Duration.ofSeconds(30)).until(() -> !runs.isEmpty());
    Node victim = runs.get(runs.size() - 1).instance().equals("node-a") ? a : b;
    Node survivor = victim == a ? b : a;
    platform.armInFlight(victim.name());
    List<String> expected = new ArrayList<>(addPairs(setup, zone, pairedAt, PAIRS_BEFORE));
    assertThat(platform.inFlightTaken.await(30, TimeUnit.SECONDS)).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> reminders(platform.received.keySet()).size() >= PAIRS_BEFORE);

    // AND that instance dies abruptly: its database is gone, it calls nothing more, and the answer
    // to the call in flight never gets recorded
    Instant killedAt = Instant.now();
    victim.port().dead.set(true);
    victim.db().dataSource().unwrap(HikariDataSource.class).close();
    victim.scheduling().halt();
    platform.releaseInFlight();
    victim.dispatcher().close();

    // AND more pairs come due afterwards
    expected.addAll(addPairs(setup, zone, pairedAt, PAIRS_AFTER));

    // THEN the survivor queues and delivers every due reminder
    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> reminders(keysInState(survivor.db(), "DELIVERED")).size() == expected.size());

    Map<String, Long> rows = reminderRows(survivor.db());
    Map<String, Integer> received = new TreeMap<>();
    platform.received.forEach(
        (k, n) -> {
          if (k.startsWith("reminder:")) {
            received.put(k, n.get());
          }
        });
    Map<String, List<Instant>> firings = new TreeMap<>();
    for (Run run : runs) {
      firings.computeIfAbsent(run.instance(), i -> new ArrayList<>()).add(run.firedAt());
    }
    System.out.printf(
        "clustered reminders: %d due, %d outbox rows, %d reminders received by the platform; %s died at %s"
            + " with %s in flight; job runs %s%n",
        expected.size(),
        rows.size(),
        received.values().stream().mapToInt(Integer::intValue).sum(),
        victim.name(),
        killedAt,
        platform.inFlightKey,
        Map.of(
            "node-a", firings.getOrDefault("node-a", List.of()).size(),
            "node-b", firings.getOrDefault("node-b", List.of()).size()));

    // each due reminder has exactly one outbox row ...
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
    // ... and reached the platform exactly once, the one in flight at the death included
    assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(received.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
    assertThat(platform.received.get(platform.inFlightKey)).hasValue(1);
    assertThat(deliveryRef(survivor.db(), platform.inFlightKey))
        .as("the survivor found the message in flight on the platform instead of resending it")
        .isEqualTo(victim.name() + "/" + platform.inFlightKey);
    // the survivor ran the job after the death, the dead instance nothing after it
    assertThat(runs)
        .filteredOn(r -> r.instance().equals(survivor.name()))
        .anySatisfy(r -> assertThat(r.ranAt()).isAfter(killedAt));
    assertThat(runs)
        .filteredOn(r -> r.instance().equals(victim.name()))
        .allSatisfy(r -> assertThat(r.ranAt()).isBefore(killedAt.plusSeconds(1)));
  }

  private static Set<String> reminders(Set<String> keys) {
    Set<String> reminders = new TreeSet<>(keys);
    reminders.removeIf(k -> !k.startsWith("reminder:"));
    return reminders;
  }

  /** A fixed-offset zone where the local time now is between 12:00 and 13:00. */
  private ZoneId zoneWhereItIsNoonNow() {
    int utcHour = clock.instant().atZone(ZoneOffset.UTC).getHour();
    int offset = 12 - utcHour;
    // Etc/GMT-N is UTC+N: region ids the join form accepts
    return ZoneId.of(
        offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
  }

  /**
   * Enrols {@code count} mentor–mentee pairs through the join form, pairs them as of {@code
   * pairedAt} (so their first slot was an hour ago) and returns the reminder keys now due.
   */
  private List<String> addPairs(Database db, ZoneId zone, Instant pairedAt, int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Actor mentor = actor("U0M" + people.incrementAndGet());
      Actor mentee = actor("U0E" + people.incrementAndGet());
      enrol(db, clock, mentor, Role.MENTOR, "Marketing", zone.getId());
      enrol(db, clock, mentee, Role.MENTEE, "Finance", zone.getId());
      long pairId =
          db.inTransactionRetryingConflicts(
              em -> {
                Store store = new Store(em);
                Participant m = participant(store, mentor);
                Participant e = participant(store, mentee);
                m.preferReminders(10, true);
                e.preferReminders(10, true);
                var program = Programs.in(store).byId(m.getProgramId()).orElseThrow();
                if (program.getStatus() != ProgramStatus.RUNNING) {
                  program.moveTo(ProgramStatus.RUNNING);
                }
                Pair pair =
                    new Pair(
                        m.getWorkspaceId(),
                        m.getProgramId(),
                        m.getId(),
                        e.getId(),
                        1,
                        "",
                        pairedAt);
                pair.approve(pairedAt);
                store.add(pair);
                store.flush();
                return pair.getId();
              });
      String day =
          pairedAt.plus(14, ChronoUnit.DAYS).atZone(ZoneOffset.UTC).toLocalDate().toString();
      keys.add("reminder:" + pairId + ":" + day + ":" + mentor.userId());
      keys.add("reminder:" + pairId + ":" + day + ":" + mentee.userId());
    }
    return keys;
  }

  private static Actor actor(String userId) {
    return new Actor(Platform.SLACK, TEAM, userId, userId, null, false);
  }

  /** Outbox rows per reminder key. */
  private static Map<String, Long> reminderRows(Database db) throws SQLException {
    Map<String, Long> rows = new HashMap<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT dedup_key, COUNT(*) FROM outbox_message WHERE dedup_key LIKE 'reminder:%'"
                    + " GROUP BY dedup_key");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return rows;
  }

  private static Set<String> keysInState(Database db, String state) throws SQLException {
    Set<String> keys = new TreeSet<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT dedup_key FROM outbox_message WHERE state = ?")) {
      ps.setString(1, state);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
    }
    return keys;
  }

  private static String deliveryRef(Database db, String key) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT delivery_ref FROM outbox_message WHERE dedup_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
