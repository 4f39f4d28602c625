package io.tandem.simulator.slack;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How often {@link SlackClient} delivers the same request: Slack delivers events at least once, and
 * a request can arrive twice for other reasons too (a proxy, a replay).
 *
 * <ul>
 *   <li>{@link #NONE}: each request once, however slow the ack.
 *   <li>{@link #likeSlack()}: an event whose ack takes longer than 3 seconds is sent again, up to 3
 *       times, while the first is still waiting ({@code X-Slack-Retry-Num} and {@code
 *       X-Slack-Retry-Reason: http_timeout} over HTTP; {@code retry_attempt} and {@code
 *       retry_reason} in the Socket Mode envelope). Slack's Events API documents the 3 seconds and
 *       the 3 retries; Slack spaces its retries out (about a minute, then five), the simulator
 *       sends each after another 3 seconds without the original's ack.
 *   <li>{@link #twice()}: as {@code likeSlack}, and every request is delivered a second time after
 *       its ack: an event as Slack's first retry, a slash command, click or form with the same body
 *       (Slack does not retry those; this is a replay, which the app must shrug off as well).
 * </ul>
 *
 * <p>{@link #fromSystemProperty()} reads {@value #PROPERTY} ({@code none}, {@code slack} or {@code
 * twice}; unset is {@code none}), so a whole test suite can run under duplicate delivery with
 * {@code -Dtandem.simulator.redelivery=twice}.
 *
 * @param slowAck how long an event's ack may take before Slack retries it; {@code null} for never
 * @param everyRequestTwice whether every request is delivered a second time after its ack
 */
public record Redelivery(Duration slowAck, boolean everyRequestTwice) {
  /** The system property read by {@link #fromSystemProperty()}. */
  public static final String PROPERTY = "tandem.simulator.redelivery";

  /** Slack gives an app 3 seconds to acknowledge an event before retrying it. */
  public static final Duration SLACK_ACK_DEADLINE = Duration.ofSeconds(3);

  /** Slack retries an event at most 3 times. */
  public static final int MAX_RETRIES = 3;

  /** The retry reason Slack gives when the app did not answer in time. */
  public static final String TIMEOUT_REASON = "http_timeout";

  /** Every request once. */
  public static final Redelivery NONE = new Redelivery(null, false);

  /** Events retried when their ack is slow, as Slack does. */
  public static Redelivery likeSlack() {
    return new Redelivery(SLACK_ACK_DEADLINE, false);
  }

  /** As {@link #likeSlack()}, and every request delivered twice. */
  public static Redelivery twice() {
    return new Redelivery(SLACK_ACK_DEADLINE, true);
  }

  /** The setting named by the {@value #PROPERTY} system property. */
  public static Redelivery fromSystemProperty() {
    return parse(System.getProperty(PROPERTY, "none"));
  }

  /** {@code none}, {@code slack} or {@code twice}. */
  public static Redelivery parse(String name) {
    return switch (Objects.requireNonNull(name).strip().toLowerCase(Locale.ROOT)) {
      case "", "none", "false" -> NONE;
      case "slack" -> likeSlack();
      case "twice", "true" -> twice();
      default ->
          throw new IllegalArgumentException(PROPERTY + " is none, slack or twice, not " + name);
    };
  }
}
