package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Rate limits, outbox and scheduler settings")
class DeliveryConfigTest {

  private static TandemConfig load(String yaml) throws ConfigException {
    return ConfigLoader.fromYaml(yaml, Map.of());
  }

  private static java.util.List<String> problems(String yaml) {
    try {
      load(yaml);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems for:\n" + yaml);
  }

  @Nested
  @DisplayName("defaults")
  class Defaults {

    @Test
    @DisplayName("follow the platforms' published limits and a cautious outbox")
    void defaults() throws Exception {
      // when
      TandemConfig config = load("");
      // then
      assertThat(config.slack().rateLimits()).isEqualTo(new SlackRateLimits(1.0, 3, 600, 50, 100));
      assertThat(config.discord().rateLimits()).isEqualTo(new DiscordRateLimits(50));
      assertThat(config.outbox())
          .isEqualTo(new OutboxConfig(8, Duration.ofSeconds(1), 50, Duration.ofMinutes(2), 32));
      assertThat(config.scheduler()).isEqualTo(new SchedulerConfig(null, 2));
      assertThat(config.stopGrace()).isEqualTo(Duration.ofSeconds(20));
    }
  }

  @Nested
  @DisplayName("reading")
  class Reading {

    @Test
    @DisplayName("every key is read, durations in ms/s/m/h or ISO-8601")
    void everyKey() throws Exception {
      // given
      String yaml =
          """
          slack:
            rate-limits:
              post-message-per-channel-per-second: 0.5
              post-message-burst: 1
              workspace-per-minute: 300
              conversations-open-per-minute: 20
              views-publish-per-minute: 40
          discord:
            rate-limits:
              global-per-second: 25
          outbox:
            max-attempts: 3
            poll-interval: 250ms
            batch-size: 10
            lease: PT90S
            workers: 2
          scheduler:
            instance-id: tandem-1
            thread-count: 4
          stop-grace: 25s
          """;
      // when
      TandemConfig config = load(yaml);
      // then
      assertThat(config.slack().rateLimits()).isEqualTo(new SlackRateLimits(0.5, 1, 300, 20, 40));
      assertThat(config.discord().rateLimits().globalPerSecond()).isEqualTo(25);
      assertThat(config.outbox())
          .isEqualTo(new OutboxConfig(3, Duration.ofMillis(250), 10, Duration.ofSeconds(90), 2));
      assertThat(config.scheduler()).isEqualTo(new SchedulerConfig("tandem-1", 4));
      assertThat(config.stopGrace()).isEqualTo(Duration.ofSeconds(25));
      assertThat(config.describe()).contains("poll-interval: 250ms").contains("lease: 90s");
    }

    @Test
    @DisplayName("values can come from the environment")
    void fromEnvironment() throws Exception {
      TandemConfig config =
          ConfigLoader.fromYaml(
              "outbox:\n  max-attempts: ${OUTBOX_TRIES:-5}\n", Map.of("OUTBOX_TRIES", "12"));
      assertThat(config.outbox().maxAttempts()).isEqualTo(12);
    }
  }

  @Nested
  @DisplayName("validation")
  class Validation {

    @Test
    @DisplayName("every bad value is reported with its key path")
    void badValues() {
      String yaml =
          """
          slack:
            rate-limits:
              post-message-per-channel-per-second: 0
              workspace-per-minute: lots
          discord:
            rate-limits:
              global-per-second: -1
          outbox:
            max-attempts: 0
            poll-interval: soon
            lease: 1s
          scheduler:
            thread-count: 100
          stop-grace: 45m
          """;
      assertThat(problems(yaml))
          .containsExactly(
              "slack.rate-limits.post-message-per-channel-per-second: \"0\" is not a number above 0"
                  + " and at most 100",
              "slack.rate-limits.workspace-per-minute: \"lots\" is not a whole number between 1"
                  + " and 100000",
              "discord.rate-limits.global-per-second: \"-1\" is not a whole number between 1 and"
                  + " 10000",
              "outbox.max-attempts: \"0\" is not a whole number between 1 and 100",
              "outbox.poll-interval: \"soon\" is not a duration between 10ms and 10m (like 500ms,"
                  + " 5s, 2m)",
              "outbox.lease: \"1s\" is not a duration between 10s and 1h (like 90s, 2m)",
              "scheduler.thread-count: \"100\" is not a whole number between 1 and 50",
              "stop-grace: \"45m\" is not a duration between 1s and 10m (like 20s)");
    }

    @Test
    @DisplayName("unknown keys inside rate-limits get a suggestion")
    void unknownKey() {
      assertThat(problems("slack:\n  rate-limits:\n    workspace-per-minut: 5\n"))
          .singleElement()
          .asString()
          .startsWith("slack.rate-limits.workspace-per-minut: is not a known setting")
          .endsWith("did you mean workspace-per-minute?");
    }

    @Test
    @DisplayName("the records check their own ranges")
    void records() {
      assertThatThrownBy(() -> new SlackRateLimits(1, 0, 1, 1, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("postMessageBurst");
      assertThatThrownBy(() -> new DiscordRateLimits(0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new OutboxConfig(8, Duration.ZERO, 50, Duration.ofMinutes(2), 8))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pollInterval");
      assertThatThrownBy(() -> new SchedulerConfig("x".repeat(191), 2))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(new SchedulerConfig("  ", 2).instanceId()).isNull();
    }
  }
}
