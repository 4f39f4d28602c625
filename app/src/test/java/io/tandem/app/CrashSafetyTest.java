package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.core.store.Store;
import io.tandem.simulator.slack.ApiCall;
import io.tandem.simulator.slack.SlackSimulator;
import io.tandem.simulator.slack.SlackTraffic;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A crash loses nothing and sends nothing twice": Tandem runs as a separate JVM ({@link
 * CrashSafetyChild}) against the Slack simulator in this JVM, is killed with SIGKILL in the middle
 * of delivering 2 000 queued reminders, and is started again on the same SQLite file.
 *
 * <p>Slack's {@code chat.postMessage} has no idempotency key. Messages the simulator accepted whose
 * {@code DELIVERED} was not yet committed when the process died are exactly the ones a restart
 * could send twice; the dispatcher marked each of them as an attempt with an unknown outcome before
 * its call, and the restarted process finds them in {@code conversations.history} (by the outbox
 * key in their metadata) instead of sending them again. Only those few are looked up.
 */
@DisplayName("Crash safety: SIGKILL mid-delivery, restart, every reminder arrives exactly once")
class CrashSafetyTest {

  private static final int MESSAGES = 2_000;
  private static final int PEOPLE = 100;
  private static final int WORKERS = 8;
  private static final int KILL_AFTER = 300;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;

  private SlackSimulator slack;
  private Database db;
  private String databaseUrl;
  private Process child;
  private Path childLog;

  @BeforeEach
  void setUp() {
    slack = SlackSimulator.start(CrashSafetyChild.BOT_TOKEN, "xapp-unused");
    databaseUrl = "jdbc:sqlite:" + dir.resolve("tandem.db");
    db = Database.open(DatabaseSettings.of(databaseUrl, null, null, 2), Clock.systemUTC());
    childLog = dir.resolve("child.log");
  }

  @AfterEach
  void tearDown() throws Exception {
    if (child != null && child.isAlive()) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    if (db != null) {
      db.close();
    }
    if (slack != null) {
      slack.close();
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  @DisplayName("2 000 reminders, SIGKILL mid-delivery, restart: each arrives exactly once")
  void killedMidDeliveryThenRestarted() throws Exception {
    // GIVEN 2 000 reminders to 100 people queued in the outbox
    List<String> keys = queueReminders();

    // WHEN Tandem delivers them and is killed with SIGKILL after 300 reached Slack
    CountDownLatch enoughReceived = new CountDownLatch(KILL_AFTER);
    try (SlackSimulator.Subscription watch =
        slack.onTraffic(
            t -> {
              if (t.direction() == SlackTraffic.Direction.FROM_APP
                  && t.kind().equals("chat.postMessage")) {
                enoughReceived.countDown();
              }
            })) {
      child = startChild();
      assertThat(enoughReceived.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .as("%d messages reached the simulator in time; child log:%n%s", KILL_AFTER, childLog())
          .isTrue();
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child died").isTrue();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    List<String> receivedBeforeRestart = postedKeys();
    Set<String> deliveredAtKill = keysInState("DELIVERED");
    Set<String> acceptedButUnmarked = new TreeSet<>(receivedBeforeRestart);
    acceptedButUnmarked.removeAll(deliveredAtKill);
    Set<String> unknownOutcome = keysWithUnknownOutcome();
    assertThat(receivedBeforeRestart.size())
        .as("the kill landed mid-delivery")
        .isBetween(KILL_AFTER, MESSAGES - 1);
    assertThat(unknownOutcome)
        .as("every message Slack took but the outbox had not recorded was marked as an attempt")
        .containsAll(acceptedButUnmarked)
        .hasSizeLessThanOrEqualTo(WORKERS);

    // AND Tandem is started again on the same database
    Instant restarted = Instant.now();
    child = startChild();
    try {
      await()
          .atMost(DELIVERY_TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> keysInState("DELIVERED").size() == MESSAGES);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          keysInState("DELIVERED").size()
              + " of "
              + MESSAGES
              + " delivered; child log:\n"
              + childLog(),
          e);
    }
    Duration restartToDone = Duration.between(restarted, Instant.now());

    // THEN Slack received every reminder exactly once ...
    List<String> posted = postedKeys();
    Map<String, Long> sends =
        posted.stream()
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    Set<String> duplicated =
        sends.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(TreeSet::new));
    int lookups = slack.calls("conversations.history").size();
    System.out.printf(
        "crash safety: %d posts received before the kill, %d rows DELIVERED at the kill,"
            + " %d accepted but unmarked, %d attempts with an unknown outcome; after restart"
            + " %d posts in all, %d history look-ups, duplicates %s;"
            + " restart to all delivered %d ms%n",
        receivedBeforeRestart.size(),
        deliveredAtKill.size(),
        acceptedButUnmarked.size(),
        unknownOutcome.size(),
        posted.size(),
        lookups,
        duplicated,
        restartToDone.toMillis());
    assertThat(duplicated).as("reminders Slack received twice").isEmpty();
    assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(sends.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
    assertThat(posted).hasSize(MESSAGES);
    assertThat(keysInState("DEAD")).isEmpty();

    // ... and only the attempts whose outcome was unknown at the kill were looked up
    assertThat(lookups).isEqualTo(unknownOutcome.size());
    assertThat(keysWithUnknownOutcome()).isEmpty();
  }

  /** Queues the reminders in transactions of 200, as a scheduled fan-out job would. */
  private List<String> queueReminders() {
    List<String> people =
        IntStream.range(0, PEOPLE).mapToObj(i -> slack.user("person-" + i).id()).toList();
    Instant now = Instant.now();
    long workspaceId =
        db.inTransaction(
                em -> new Store(em).add(new Workspace(Platform.SLACK, slack.teamId(), now)))
            .getId();
    List<String> keys = IntStream.range(0, MESSAGES).mapToObj(i -> "reminder:" + i).toList();
    for (int from = 0; from < MESSAGES; from += 200) {
      int start = from;
      db.inTransaction(
          em -> {
            Store store = new Store(em);
            for (int i = start; i < start + 200; i++) {
              Outbox.queue(
                  store,
                  workspaceId,
                  Platform.SLACK,
                  keys.get(i),
                  new ChatTarget.DirectMessage(people.get(i % PEOPLE)),
                  Reply.info("Reminder " + i + ": time to meet your Tandem partner", List.of()),
                  now,
                  now);
            }
            return null;
          });
    }
    assertThat(keysInState("QUEUED")).hasSize(MESSAGES);
    return keys;
  }

  private Process startChild() throws IOException {
    return CrashChildren.start(childLog, slack.apiUrl(), databaseUrl, Integer.toString(WORKERS));
  }

  /** The outbox key of every {@code chat.postMessage} the simulator received, in arrival order. */
  private List<String> postedKeys() {
    AtomicInteger untagged = new AtomicInteger();
    List<String> keys =
        slack.calls("chat.postMessage").stream()
            .map(CrashSafetyTest::outboxKey)
            .peek(k -> untagged.addAndGet(k == null ? 1 : 0))
            .filter(k -> k != null)
            .toList();
    assertThat(untagged).as("posts without the tandem_outbox metadata tag").hasValue(0);
    return keys;
  }

  /** The key the ChatPort tags each message with: {@code metadata.event_payload.dedup_key}. */
  private static String outboxKey(ApiCall call) {
    String metadata = call.param("metadata");
    if (metadata == null) {
      return null;
    }
    JsonObject json = JsonParser.parseString(metadata).getAsJsonObject();
    JsonElement payload = json.get("event_payload");
    if (payload == null || !payload.isJsonObject()) {
      return null;
    }
    JsonElement key = payload.getAsJsonObject().get("dedup_key");
    return key == null ? null : key.getAsString();
  }

  /** Keys whose attempt started but whose outcome the outbox has not recorded. */
  private Set<String> keysWithUnknownOutcome() {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT dedup_key FROM outbox_message WHERE attempt_started_at IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      Set<String> keys = new TreeSet<>();
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Set<String> keysInState(String state) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT dedup_key FROM outbox_message WHERE state = ?")) {
      ps.setString(1, state);
      try (ResultSet rs = ps.executeQuery()) {
        Set<String> keys = new HashSet<>();
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
        return keys;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String childLog() {
    return CrashChildren.log(childLog);
  }
}
