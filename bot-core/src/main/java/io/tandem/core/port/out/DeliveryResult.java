package io.tandem.core.port.out;

import java.time.Duration;
import java.util.Objects;

/** What became of one {@link ChatPort#deliver} call. */
public sealed interface DeliveryResult {

  /**
   * The platform accepted the message.
   *
   * @param messageRef the platform's reference (Slack {@code channel/ts}, Discord {@code
   *     channel/message id}), or {@code null} when there is none (e.g. a no-op)
   */
  record Delivered(String messageRef) implements DeliveryResult {}

  /**
   * The platform said "too many requests" (HTTP 429): try again after exactly {@code delay}. Not
   * counted as a failed attempt.
   */
  record RetryAfter(Duration delay, String reason) implements DeliveryResult {
    public RetryAfter {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative: " + delay);
      }
    }
  }

  /** A failure that may pass (HTTP 5xx, timeout, connection reset): retry with backoff. */
  record TransientFailure(String error) implements DeliveryResult {}

  /**
   * A failure that will not pass by retrying (unknown user or channel, the bot was removed, the
   * person blocks DMs): the message is marked dead at once.
   */
  record PermanentFailure(String error) implements DeliveryResult {}

  static Delivered delivered(String messageRef) {
    return new Delivered(messageRef);
  }

  static RetryAfter retryAfter(Duration delay, String reason) {
    return new RetryAfter(delay, reason);
  }

  static TransientFailure transientFailure(String error) {
    return new TransientFailure(error);
  }

  static PermanentFailure permanentFailure(String error) {
    return new PermanentFailure(error);
  }
}
