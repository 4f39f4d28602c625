package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.delivery.TokenBucketRateLimiter;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.discord.DiscordUser;
import io.tandem.simulator.discord.RestCall;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discord delivery: DiscordChatPort against the simulated Discord with the real JDA")
class DiscordChatPortTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private DiscordSimulator discord;
  private JDA jda;
  private DiscordChatPort port;
  private DiscordUser ana;

  @BeforeEach
  void start() throws Exception {
    discord = DiscordSimulator.start();
    ana = discord.user("ana");
    jda = SimulatedJda.connect(discord, TIMEOUT);
    port = new DiscordChatPort(jda, RateLimiter.unlimited());
  }

  @AfterEach
  void stop() throws Exception {
    SimulatedJda.shutdown(jda);
    discord.close();
  }

  private static OutgoingMessage dm(String key, String userId, Reply reply) {
    return new OutgoingMessage(key, new ChatTarget.DirectMessage(userId), reply, 1);
  }

  @Test
  @DisplayName("a DM is rendered like a reply, with a nonce from its key; the channel is reused")
  void directMessages() {
    Reply welcome = Reply.info("Welcome to *Pilot*!", List.of(new Reply.Field("Role", "mentee")));

    DeliveryResult first = port.deliver(dm("welcome:1", ana.id(), welcome));
    DeliveryResult second = port.deliver(dm("welcome:2", ana.id(), Reply.info("Again", List.of())));

    assertThat(first).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(second).isInstanceOf(DeliveryResult.Delivered.class);
    DiscordMessage received = discord.awaitDirectMessage(ana, 1, TIMEOUT);
    assertThat(received.content()).contains("Welcome to **Pilot**!");
    assertThat(discord.calls("POST", "users/@me/channels")).hasSize(1);
    List<RestCall> posts = discord.calls("POST", "channels/{channel_id}/messages");
    assertThat(posts).hasSize(2);
    assertThat(posts.get(0).body().getAsJsonObject().get("nonce").getAsString())
        .isEqualTo(DiscordChatPort.nonce("welcome:1"))
        .hasSize(DiscordChatPort.NONCE_LENGTH);
    assertThat(posts.get(0).body().getAsJsonObject().get("enforce_nonce").getAsBoolean()).isTrue();
    assertThat(DiscordChatPort.nonce("welcome:1")).isNotEqualTo(DiscordChatPort.nonce("welcome:2"));
  }

  @Test
  @DisplayName("a message sent again after an unknown outcome is created once: Discord's nonce")
  void resentMessageIsCreatedOnce() {
    // GIVEN a reminder that reached Discord, though the instance that sent it died before
    // recording so
    Reply reminder = Reply.info("Time to meet your Tandem partner", List.of());
    DeliveryResult first = port.deliver(dm("reminder:7:2025-03-04", ana.id(), reminder));

    // WHEN the restarted instance (a new port, nothing cached) sends it again
    DiscordChatPort restarted = new DiscordChatPort(jda, RateLimiter.unlimited());
    DeliveryResult again = restarted.deliver(dm("reminder:7:2025-03-04", ana.id(), reminder));

    // THEN Discord answers with the first message and ana has it once
    assertThat(again).isEqualTo(first).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(discord.calls("POST", "channels/{channel_id}/messages")).hasSize(2);
    assertThat(discord.channelMessages())
        .filteredOn(m -> m.content().contains("Time to meet"))
        .hasSize(1);
    // AND a different message with the same text is a message of its own
    restarted.deliver(dm("reminder:7:2025-03-11", ana.id(), reminder));
    assertThat(discord.channelMessages())
        .filteredOn(m -> m.content().contains("Time to meet"))
        .hasSize(2);
  }

  @Test
  @DisplayName("JDA waits out a per-route 429 itself; the message still arrives, once")
  void routeRateLimitHandledByJda() {
    discord.rateLimit("POST", "channels/{channel_id}/messages", 1, Duration.ofMillis(500));

    DeliveryResult result = port.deliver(dm("r:1", ana.id(), Reply.info("hi", List.of())));

    assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(discord.calls("POST", "channels/{channel_id}/messages"))
        .extracting(RestCall::status)
        .containsExactly(429, 200);
  }

  @Test
  @DisplayName("unknown users and channels are permanent failures; group messages are refused")
  void permanentFailures() {
    assertThat(port.deliver(dm("x:1", "999999999999999999", Reply.info("hi", List.of()))))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(
            port.deliver(
                new OutgoingMessage(
                    "c:1",
                    new ChatTarget.ChannelMessage("123456789012345678"),
                    Reply.info("hi", List.of()),
                    1)))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(
            port.deliver(
                new OutgoingMessage(
                    "g:1",
                    new ChatTarget.GroupMessage(List.of("1", "2")),
                    Reply.info("hi", List.of()),
                    1)))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
  }

  @Test
  @DisplayName("App Home does not exist on Discord: delivered as a no-op")
  void appHomeIsNoOp() {
    DeliveryResult result =
        port.deliver(
            new OutgoingMessage(
                "home:1", new ChatTarget.AppHome(ana.id()), Reply.info("x", List.of()), 1));

    assertThat(result).isEqualTo(DeliveryResult.delivered(null));
    assertThat(discord.calls("POST", "channels/{channel_id}/messages")).isEmpty();
  }

  @Test
  @DisplayName("the configured global cap paces requests (JDA only reacts to a global 429)")
  void globalCap() {
    TokenBucketRateLimiter global =
        TokenBucketRateLimiter.perSecond("discord global", 10, 1, Clock.systemUTC());
    DiscordChatPort paced = new DiscordChatPort(jda, global);
    long start = System.nanoTime();

    for (int i = 0; i < 6; i++) {
      assertThat(paced.deliver(dm("p:" + i, ana.id(), Reply.info("m" + i, List.of()))))
          .isInstanceOf(DeliveryResult.Delivered.class);
    }

    // 7 requests (one open + 6 posts) at 10/s with no burst take at least 0.6 s
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }
}
