package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.delivery.OutboxDispatcher;
import io.tandem.core.delivery.OutboxSettings;
import io.tandem.core.delivery.OutboxSignal;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.simulator.slack.ApiCall;
import io.tandem.simulator.slack.Fault;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackMessage;
import io.tandem.simulator.slack.SlackSimulator;
import io.tandem.simulator.slack.SlackTraffic;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Slack delivery: SlackChatPort against the simulated Slack")
class SlackChatPortTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private SlackSimulator slack;
  private MethodsClient methods;
  private SlackChatPort port;
  private SimulatedUser ana;
  private SimulatedUser ben;

  @BeforeEach
  void startSlack() {
    slack = SlackSimulator.start("xoxb-test", "xapp-test");
    ana = slack.user("ana");
    ben = slack.user("ben");
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    methods = Slack.getInstance(config).methods(slack.botToken());
    port = new SlackChatPort(methods, SlackChatPort.Limits.unlimited());
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  private static OutgoingMessage dm(String key, String user, String text) {
    return new OutgoingMessage(
        key, new ChatTarget.DirectMessage(user), Reply.info(text, List.of()), 1);
  }

  @Nested
  @DisplayName("one call at a time")
  class Port {

    @Test
    @DisplayName("a DM opens the conversation once and reuses it")
    void dmChannelReused() {
      DeliveryResult first = port.deliver(dm("a:1", ana.id(), "first"));
      DeliveryResult second = port.deliver(dm("a:2", ana.id(), "second"));

      assertThat(first).isInstanceOf(DeliveryResult.Delivered.class);
      assertThat(second).isInstanceOf(DeliveryResult.Delivered.class);
      assertThat(slack.calls("conversations.open")).hasSize(1);
      assertThat(slack.calls("chat.postMessage"))
          .extracting(ApiCall::channel)
          .containsExactly(ana.dmChannelId(), ana.dmChannelId());
      assertThat(((DeliveryResult.Delivered) first).messageRef()).startsWith(ana.dmChannelId());
      assertThat(slack.messages())
          .extracting(SlackMessage::readableText)
          .anyMatch(t -> t.contains("second"));
    }

    @Test
    @DisplayName("after an attempt with an unknown outcome, the history says whether it arrived")
    void findsAnEarlierDelivery() {
      // GIVEN a DM that reached Slack, though its sender never learned so
      Instant attemptStarted = Instant.now();
      DeliveryResult sent = port.deliver(dm("r:1", ana.id(), "Reminder"));
      port.deliver(dm("r:other", ana.id(), "Something else"));

      // WHEN a restarted instance (nothing cached) looks for it, and for one that never arrived
      SlackChatPort restarted = new SlackChatPort(methods, SlackChatPort.Limits.unlimited());
      var found = restarted.findEarlierDelivery(dm("r:1", ana.id(), "Reminder"), attemptStarted);
      var missing = restarted.findEarlierDelivery(dm("r:2", ana.id(), "Other"), attemptStarted);

      // THEN it finds the first, with the same reference, and not the second
      assertThat(found).contains(sent);
      assertThat(missing).isEmpty();
      assertThat(slack.calls("chat.postMessage")).hasSize(2);
      assertThat(slack.calls("conversations.history"))
          .hasSize(2)
          .allSatisfy(
              call -> {
                assertThat(call.channel()).isEqualTo(ana.dmChannelId());
                assertThat(call.param("include_all_metadata")).isIn("1", "true");
                assertThat(Double.parseDouble(call.param("oldest")))
                    .isEqualTo(
                        attemptStarted.minusSeconds(60).toEpochMilli() / 1000.0, within(1e-3));
              });
    }

    @Test
    @DisplayName("a history Slack will not show is a failure to look, never a delivery")
    void historyFailures() {
      slack.failNext("conversations.history", 1, Fault.rateLimited(4));
      assertThat(port.findEarlierDelivery(dm("h:1", ana.id(), "hi"), Instant.now()))
          .contains(DeliveryResult.retryAfter(Duration.ofSeconds(4), "ratelimited"));
      slack.failNext("conversations.history", 1, Fault.serverError(500));
      assertThat(port.findEarlierDelivery(dm("h:1", ana.id(), "hi"), Instant.now()))
          .hasValueSatisfying(
              r -> assertThat(r).isInstanceOf(DeliveryResult.TransientFailure.class));
      assertThat(port.findEarlierDelivery(dm("h:1", "U_NOBODY", "hi"), Instant.now()))
          .contains(DeliveryResult.permanentFailure("user_not_found"));
    }

    @Test
    @DisplayName("a 429 becomes a retry after exactly its Retry-After")
    void rateLimited() {
      slack.failNext("chat.postMessage", 1, Fault.rateLimited(7));

      DeliveryResult result = port.deliver(dm("a:1", ana.id(), "hi"));

      assertThat(result).isInstanceOf(DeliveryResult.RetryAfter.class);
      assertThat(((DeliveryResult.RetryAfter) result).delay()).isEqualTo(Duration.ofSeconds(7));
      assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    @DisplayName("5xx is transient; unknown users, channels and archived channels are permanent")
    void errorMapping() {
      slack.failNext("chat.postMessage", 1, Fault.serverError(503));
      assertThat(port.deliver(dm("a:1", ana.id(), "hi")))
          .isInstanceOf(DeliveryResult.TransientFailure.class);

      assertThat(port.deliver(dm("x:1", "U_NOBODY", "hi")))
          .isEqualTo(DeliveryResult.permanentFailure("user_not_found"));
      assertThat(SlackChatPort.classify("channel_not_found", Duration.ZERO))
          .isEqualTo(DeliveryResult.permanentFailure("channel_not_found"));
      assertThat(SlackChatPort.classify("not_in_channel", Duration.ZERO))
          .isInstanceOf(DeliveryResult.PermanentFailure.class);
      assertThat(SlackChatPort.classify("is_archived", Duration.ZERO))
          .isInstanceOf(DeliveryResult.PermanentFailure.class);
      assertThat(SlackChatPort.classify("internal_error", Duration.ZERO))
          .isInstanceOf(DeliveryResult.TransientFailure.class);
      assertThat(SlackChatPort.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("an App Home publish replaces the person's home tab")
    void appHome() {
      DeliveryResult result =
          port.deliver(
              new OutgoingMessage(
                  "home:1", new ChatTarget.AppHome(ana.id()), Reply.info("Home", List.of()), 1));

      assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
      assertThat(slack.calls("views.publish")).hasSize(1);
      assertThat(slack.calls("views.publish").get(0).param("user_id")).isEqualTo(ana.id());
    }
  }

  @Nested
  @DisplayName("through the outbox dispatcher")
  class Dispatching {

    @TempDir Path dir;

    private Database db;
    private long workspaceId;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void open() {
      db =
          Database.open(
              "jdbc:sqlite:" + dir.resolve("tandem.db"), null, null, 4, Clock.systemUTC());
      workspaceId =
          db.inTransaction(
                  em ->
                      new Store(em)
                          .add(new Workspace(Platform.SLACK, slack.teamId(), Instant.now())))
              .getId();
    }

    @AfterEach
    void close() {
      if (dispatcher != null) {
        dispatcher.close();
      }
      db.close();
    }

    private void start(OutboxSettings settings) {
      dispatcher =
          new OutboxDispatcher(db, List.of(port), settings, Clock.systemUTC(), "slack-test");
      dispatcher.start(OutboxSignal.attach(db));
    }

    private OutboxSettings fast() {
      return OutboxSettings.defaults()
          .withPollInterval(Duration.ofMillis(50))
          .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    private void queue(String key, ChatTarget target, String text) {
      Instant now = Instant.now();
      db.inTransaction(
          em ->
              Outbox.queue(
                  new Store(em),
                  workspaceId,
                  Platform.SLACK,
                  key,
                  target,
                  Reply.info(text, List.of()),
                  now,
                  now));
    }

    private String[] row(String key) {
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT state, attempts, last_error FROM outbox_message WHERE dedup_key = ?")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new String[] {rs.getString(1), Integer.toString(rs.getInt(2)), rs.getString(3)};
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private void awaitState(String key, String state) {
      await().atMost(TIMEOUT).until(() -> row(key)[0].equals(state));
    }

    @Test
    @DisplayName("two messages to one person: one conversations.open, two posts to the DM")
    void dmReusedThroughDispatcher() {
      start(fast());

      queue("w:1", new ChatTarget.DirectMessage(ana.id()), "Welcome!");
      queue("w:2", new ChatTarget.DirectMessage(ana.id()), "Your first reminder");

      awaitState("w:2", "DELIVERED");
      awaitState("w:1", "DELIVERED");
      assertThat(slack.calls("conversations.open")).hasSize(1);
      assertThat(slack.calls("chat.postMessage"))
          .extracting(c -> c.channel() + " " + c.text())
          .containsExactly(
              ana.dmChannelId() + " Welcome!", ana.dmChannelId() + " Your first reminder");
    }

    @Test
    @DisplayName("a 429 with Retry-After: 1 is honoured: the re-send comes at least 1 s later")
    void retryAfterHonoured() {
      slack.failNext("chat.postMessage", 1, Fault.rateLimited(1));
      start(fast());

      queue("r:1", new ChatTarget.DirectMessage(ana.id()), "hello");

      awaitState("r:1", "DELIVERED");
      List<ApiCall> posts = slack.calls("chat.postMessage");
      assertThat(posts).extracting(ApiCall::status).containsExactly(429, 200);
      assertThat(Duration.between(posts.get(0).time(), posts.get(1).time()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(row("r:1")[1]).isEqualTo("1");
    }

    @Test
    @DisplayName("5xx answers are retried with backoff, then the message is delivered")
    void serverErrorsRetried() {
      slack.failNext("chat.postMessage", 2, Fault.serverError(503));
      start(fast());

      queue("s:1", new ChatTarget.DirectMessage(ana.id()), "hello");

      awaitState("s:1", "DELIVERED");
      assertThat(slack.calls("chat.postMessage"))
          .extracting(ApiCall::status)
          .containsExactly(503, 503, 200);
      assertThat(row("s:1")[1]).isEqualTo("3");
    }

    @Test
    @DisplayName("after the configured tries the message is dead, with Slack's last error")
    void deadAfterMaxAttempts() {
      slack.failNext("chat.postMessage", 3, Fault.serverError(500));
      start(fast().withMaxAttempts(3));

      queue("d:1", new ChatTarget.DirectMessage(ana.id()), "hello");

      awaitState("d:1", "DEAD");
      assertThat(row("d:1")[1]).isEqualTo("3");
      assertThat(row("d:1")[2]).contains("HTTP 500");
      assertThat(slack.calls("chat.postMessage")).hasSize(3);
    }

    @Test
    @DisplayName("a slow channel does not hold up another: they are delivered in parallel")
    void slowChannelDoesNotBlockOthers() throws Exception {
      // GIVEN Slack hangs on every post to C_SLOW until released
      CountDownLatch release = new CountDownLatch(1);
      try (SlackSimulator.Subscription hang =
          slack.onTraffic(
              t -> {
                if (t.direction() == SlackTraffic.Direction.FROM_APP
                    && "C_SLOW".equals(t.channel())) {
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              })) {
        start(fast());

        // WHEN a message to the slow channel is queued before one to ben
        queue("slow:1", new ChatTarget.ChannelMessage("C_SLOW"), "slow");
        queue("fast:1", new ChatTarget.DirectMessage(ben.id()), "fast");

        // THEN ben's arrives while the slow one still hangs
        awaitState("fast:1", "DELIVERED");
        assertThat(row("slow:1")[0]).isEqualTo("QUEUED");
        release.countDown();
        awaitState("slow:1", "DELIVERED");
      }
    }
  }
}
