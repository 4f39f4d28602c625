package io.tandem.simulator.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated Slack enforces rate limits when asked, on its own clock")
class SlackSimulatorRateLimitTest {

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2025-03-03T09:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final HandClock clock = new HandClock();
  private SlackSimulator simulator;
  private Slack slack;
  private MethodsClient bot;

  @BeforeEach
  void start() {
    simulator =
        SlackSimulator.builder()
            .botToken("xoxb-limits")
            .appToken("xapp-limits")
            .clock(clock)
            .start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(simulator.apiUrl());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    bot = slack.methods(simulator.botToken());
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    simulator.close();
  }

  private void post(String channel) throws Exception {
    assertThat(bot.chatPostMessage(r -> r.channel(channel).text("hi")).isOk()).isTrue();
  }

  private void refused(String channel, String retryAfter) {
    assertThatThrownBy(() -> bot.chatPostMessage(r -> r.channel(channel).text("hi")))
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> {
              assertThat(e.getResponse().code()).isEqualTo(429);
              assertThat(e.getResponse().header("Retry-After")).isEqualTo(retryAfter);
              assertThat(e.getError().getError()).isEqualTo("ratelimited");
            });
  }

  @Test
  @DisplayName("off by default: any number of posts to one channel at the same instant go through")
  void offByDefault() throws Exception {
    for (int i = 0; i < 20; i++) {
      post("C0GENERAL");
    }
    assertThat(simulator.rateLimitedCount()).isZero();
  }

  @Test
  @DisplayName("per channel: beyond the limit a 429 with Retry-After, other channels unaffected")
  void perChannel() throws Exception {
    // GIVEN chat.postMessage limited to 2 a second per channel
    simulator.enforceRateLimit("chat.postMessage", 2);

    // WHEN three posts reach one channel in the same instant
    post("C1");
    post("C1");

    // THEN the third is refused with Retry-After: 1, and counted
    refused("C1", "1");
    assertThat(simulator.rateLimitedCount()).isEqualTo(1);

    // AND another channel has its own allowance
    post("C2");

    // AND half a second later C1 has one permit again
    clock.advance(Duration.ofMillis(500));
    post("C1");
    refused("C1", "1");
    assertThat(simulator.rateLimitedCount()).isEqualTo(2);
    assertThat(simulator.calls("chat.postMessage"))
        .extracting(ApiCall::status)
        .containsExactly(200, 200, 429, 200, 200, 429);
  }

  @Test
  @DisplayName("workspace: every call counts against one budget a minute; Retry-After until free")
  void workspace() throws Exception {
    // GIVEN 120 calls a minute for the workspace: 2 a second, bursts of 2
    simulator.enforceWorkspaceRateLimit(120);

    // WHEN three calls to different channels and methods arrive at once
    post("C1");
    assertThat(
            bot.conversationsOpen(r -> r.users(java.util.List.of(simulator.user("ana").id())))
                .isOk())
        .isTrue();

    // THEN the third is refused
    refused("C3", "1");

    // AND after a second the budget has refilled
    clock.advance(Duration.ofSeconds(1));
    post("C4");
    post("C5");
    refused("C6", "1");
    assertThat(simulator.rateLimitedCount()).isEqualTo(2);

    // AND once no longer enforced, nothing is refused
    simulator.stopEnforcingRateLimits();
    post("C7");
    assertThat(simulator.rateLimitedCount()).isEqualTo(2);
  }
}
