package io.tandem.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.tandem.core.port.out.DeliveryResult;
import java.time.Duration;
import java.util.Set;

/**
 * What a Slack failure means for the outbox: HTTP 429 ({@code ratelimited}) is a retry after its
 * {@code Retry-After}; HTTP 5xx and Slack's own transient errors are transient; errors retrying
 * cannot fix ({@code user_not_found}, {@code channel_not_found}, bad auth or scopes, …) are
 * permanent.
 */
final class SlackErrors {
  /** Slack errors worth retrying with backoff; any other error is permanent. */
  private static final Set<String> TRANSIENT_ERRORS =
      Set.of(
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "ratelimited",
          "team_added_to_org");

  /** The errors that mean a cached conversation id is no longer good. */
  private static final Set<String> STALE_CHANNEL_ERRORS =
      Set.of("channel_not_found", "is_archived", "not_in_channel");

  private SlackErrors() {}

  /** Whether Slack's error says the conversation is gone or closed to the bot. */
  static boolean staleChannel(String error) {
    return STALE_CHANNEL_ERRORS.contains(error);
  }

  /** Maps a response with {@code ok: false}. */
  static DeliveryResult failure(SlackApiTextResponse response) {
    return classify(response.getError(), Duration.ofSeconds(1));
  }

  static DeliveryResult classify(String error, Duration retryAfter) {
    if ("ratelimited".equals(error)) {
      return DeliveryResult.retryAfter(retryAfter, error);
    }
    if (error == null || TRANSIENT_ERRORS.contains(error)) {
      return DeliveryResult.transientFailure(error == null ? "unknown error" : error);
    }
    return DeliveryResult.permanentFailure(error);
  }

  /** Maps an HTTP answer other than 200. */
  static DeliveryResult fromException(SlackApiException e) {
    int status = e.getResponse().code();
    String error = e.getError() != null ? e.getError().getError() : null;
    if (status == 429) {
      return DeliveryResult.retryAfter(
          retryAfter(e.getResponse().header("Retry-After")), error == null ? "HTTP 429" : error);
    }
    if (status >= 500) {
      return DeliveryResult.transientFailure("HTTP " + status + (error == null ? "" : " " + error));
    }
    if (error != null) {
      return classify(error, Duration.ofSeconds(1));
    }
    return DeliveryResult.permanentFailure("HTTP " + status);
  }

  /** {@code Retry-After} in seconds; one second when missing or unreadable. */
  static Duration retryAfter(String header) {
    if (header != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    return Duration.ofSeconds(1);
  }
}
