package io.tandem.simulator.slack;

/**
 * A failure the simulator answers with instead of serving a Web API call; see {@link
 * SlackSimulator#failNext(String, int, Fault)}.
 *
 * @param status the HTTP status
 * @param retryAfterSeconds the {@code Retry-After} header value, or 0 for none
 * @param body the response body
 */
public record Fault(int status, int retryAfterSeconds, String body) {

  /** HTTP 429 with {@code Retry-After: seconds} and {@code {"ok":false,"error":"ratelimited"}}. */
  public static Fault rateLimited(int retryAfterSeconds) {
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("Retry-After must not be negative");
    }
    return new Fault(429, retryAfterSeconds, "{\"ok\":false,\"error\":\"ratelimited\"}");
  }

  /** An HTTP 5xx answer, e.g. 500 or 503, with a small JSON error body. */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("not a 5xx status: " + status);
    }
    return new Fault(status, 0, "{\"ok\":false,\"error\":\"internal_error\"}");
  }
}
