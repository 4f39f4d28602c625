package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import io.tandem.core.port.out.RateLimiter;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackMessage;
import io.tandem.simulator.slack.SlackSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A shutdown interrupts a delivery while it waits for a rate-limit permit, between opening the DM
 * and posting to it. The real limiters only do that under a racing shutdown, so the per-channel
 * limiter here is a Mockito double that is interrupted once; Slack is the simulator.
 */
@DisplayName("Slack delivery interrupted while waiting for a permit")
class SlackChatPortInterruptedTest {

  private final SlackSimulator slack = SlackSimulator.start("xoxb-interrupt", "xapp-interrupt");

  @AfterEach
  void stop() {
    Thread.interrupted();
    slack.close();
  }

  @Test
  @DisplayName(
      "GIVEN the post's permit wait is interrupted WHEN the message is delivered and then retried"
          + " THEN the first try posts nothing and is worth retrying, and ana gets it exactly once")
  void interruptedBeforeThePost() throws InterruptedException {
    SimulatedUser ana = slack.user("ana");
    RateLimiter perChannel = mock(RateLimiter.class);
    doThrow(new InterruptedException("stopping")).doNothing().when(perChannel).acquire(anyString());
    RateLimiter none = RateLimiter.unlimited();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    SlackChatPort port =
        new SlackChatPort(
            Slack.getInstance(config).methods(slack.botToken()),
            new SlackChatPort.Limits(perChannel, none, none, none, none));
    OutgoingMessage welcome =
        new OutgoingMessage(
            "welcome:1",
            new ChatTarget.DirectMessage(ana.id()),
            Reply.info("Welcome to Pilot", List.of()),
            1);

    DeliveryResult first = port.deliver(welcome);

    assertThat(first).isInstanceOf(DeliveryResult.TransientFailure.class);
    assertThat(first.toString()).contains("interrupted while waiting for a rate-limit permit");
    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    assertThat(slack.calls("chat.postMessage")).isEmpty();

    DeliveryResult retried = port.deliver(welcome);

    assertThat(retried).isInstanceOf(DeliveryResult.Delivered.class);
    assertThat(slack.calls("conversations.open")).as("the opened DM was kept").hasSize(1);
    assertThat(slack.messages())
        .filteredOn(m -> m.channel().equals(ana.dmChannelId()))
        .singleElement()
        .extracting(SlackMessage::readableText)
        .asString()
        .contains("Welcome to Pilot");
  }
}
