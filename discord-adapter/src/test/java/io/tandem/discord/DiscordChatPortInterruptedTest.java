package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;

import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.discord.DiscordUser;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A shutdown interrupts a delivery while it waits for the global request budget, after the DM was
 * opened and before the message is sent. The real limiter only does that under a racing shutdown,
 * so the budget here is a Mockito double; Discord is the simulator, reached by the real JDA.
 */
@DisplayName("Discord delivery interrupted while waiting for the request budget")
class DiscordChatPortInterruptedTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private DiscordSimulator discord;
  private JDA jda;

  @BeforeEach
  void start() {
    discord = DiscordSimulator.start();
    jda = SimulatedJda.connect(discord, TIMEOUT);
  }

  @AfterEach
  void stop() throws InterruptedException {
    Thread.interrupted();
    SimulatedJda.shutdown(jda);
    discord.close();
  }

  @Test
  @DisplayName(
      "GIVEN the send's permit wait is interrupted WHEN the DM is delivered and then retried THEN"
          + " the first try sends nothing and is worth retrying, and ana gets it exactly once")
  void interruptedBeforeTheSend() throws InterruptedException {
    DiscordUser ana = discord.user("ana");
    RateLimiter global = mock(RateLimiter.class);
    // the first permit opens the DM, the second is interrupted, later ones pass
    doNothing()
        .doThrow(new InterruptedException("stopping"))
        .doNothing()
        .when(global)
        .acquire("discord");
    DiscordChatPort port = new DiscordChatPort(jda, global);
    OutgoingMessage welcome =
        new OutgoingMessage(
            "welcome:1",
            new ChatTarget.DirectMessage(ana.id()),
            Reply.info("Welcome to Pilot", List.of()),
            1);

    DeliveryResult first = port.deliver(welcome);

    assertThat(first).isInstanceOf(DeliveryResult.TransientFailure.class);
    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    assertThat(discord.channelMessages()).isEmpty();

    DeliveryResult retried = port.deliver(welcome);

    assertThat(retried).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(discord.channelMessages())
        .extracting(DiscordMessage::content)
        .containsExactly("Welcome to Pilot");
    assertThat(discord.calls("POST", "users/@me/channels")).as("the DM was kept").hasSize(1);
  }
}
