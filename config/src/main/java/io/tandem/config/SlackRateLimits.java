package io.tandem.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.hibernate.validator.constraints.Range;

/**
 * How fast Tandem posts to Slack ({@code slack.rate-limits}). The defaults follow Slack's published
 * limits; raise them only if Slack granted more.
 *
 * @param postMessagePerChannelPerSecond {@code chat.postMessage} to one channel, sustained (Slack:
 *     about 1 a second)
 * @param postMessageBurst messages one channel may get at once after a quiet spell
 * @param workspacePerMinute every Web API call Tandem makes to the workspace, per minute
 * @param conversationsOpenPerMinute {@code conversations.open} (Tier 3: 50+ a minute); also paces
 *     {@code conversations.history} (Tier 3 too), read only to settle deliveries whose outcome is
 *     unknown after a crash or a timeout
 * @param viewsPublishPerMinute {@code views.publish} (Tier 4: 100+ a minute)
 */
public record SlackRateLimits(
    @DecimalMin(value = "0", inclusive = false, message = PER_SECOND_EXPECTED)
        @DecimalMax(value = "100", message = PER_SECOND_EXPECTED)
        double postMessagePerChannelPerSecond,
    @Range(min = 1, max = MAX_BURST, message = "is not a whole number between 1 and " + MAX_BURST)
        int postMessageBurst,
    @Range(min = 1, max = MAX_PER_MINUTE, message = PER_MINUTE_EXPECTED) int workspacePerMinute,
    @Range(min = 1, max = MAX_PER_MINUTE, message = PER_MINUTE_EXPECTED)
        int conversationsOpenPerMinute,
    @Range(min = 1, max = MAX_PER_MINUTE, message = PER_MINUTE_EXPECTED)
        int viewsPublishPerMinute) {

  public static final double DEFAULT_POST_MESSAGE_PER_CHANNEL_PER_SECOND = 1.0;
  public static final int DEFAULT_POST_MESSAGE_BURST = 3;
  public static final int DEFAULT_WORKSPACE_PER_MINUTE = 600;
  public static final int DEFAULT_CONVERSATIONS_OPEN_PER_MINUTE = 50;
  public static final int DEFAULT_VIEWS_PUBLISH_PER_MINUTE = 100;
  public static final double MAX_PER_SECOND = 100;
  public static final int MAX_BURST = 100;
  public static final int MAX_PER_MINUTE = 100_000;
  static final String PER_SECOND_EXPECTED = "is not a number above 0 and at most 100";
  static final String PER_MINUTE_EXPECTED = "is not a whole number between 1 and " + MAX_PER_MINUTE;

  public SlackRateLimits {
    if (!(postMessagePerChannelPerSecond > 0) || postMessagePerChannelPerSecond > MAX_PER_SECOND) {
      throw new IllegalArgumentException(
          "postMessagePerChannelPerSecond "
              + postMessagePerChannelPerSecond
              + " is not above 0 and at most "
              + MAX_PER_SECOND);
    }
    requireRange(postMessageBurst, 1, MAX_BURST, "postMessageBurst");
    requireRange(workspacePerMinute, 1, MAX_PER_MINUTE, "workspacePerMinute");
    requireRange(conversationsOpenPerMinute, 1, MAX_PER_MINUTE, "conversationsOpenPerMinute");
    requireRange(viewsPublishPerMinute, 1, MAX_PER_MINUTE, "viewsPublishPerMinute");
  }

  public static SlackRateLimits defaults() {
    return new SlackRateLimits(
        DEFAULT_POST_MESSAGE_PER_CHANNEL_PER_SECOND,
        DEFAULT_POST_MESSAGE_BURST,
        DEFAULT_WORKSPACE_PER_MINUTE,
        DEFAULT_CONVERSATIONS_OPEN_PER_MINUTE,
        DEFAULT_VIEWS_PUBLISH_PER_MINUTE);
  }

  static void requireRange(long value, long min, long max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " " + value + " is not between " + min + " and " + max);
    }
  }
}
