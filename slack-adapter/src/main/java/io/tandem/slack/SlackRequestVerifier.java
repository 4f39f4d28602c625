package io.tandem.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proves that an HTTP request came from Slack, on its raw bytes and before anything reads them: the
 * {@code X-Slack-Signature} header must be {@code v0=} and the hex HMAC-SHA256 of {@code "v0:" +
 * timestamp + ":" + body} under the signing secret, and {@code X-Slack-Request-Timestamp} must be
 * within {@link #MAX_CLOCK_SKEW} of now, in the past or the future (a replayed request is old; a
 * request signed for later is just as suspect). Thread-safe.
 */
final class SlackRequestVerifier {

  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  static final String SIGNATURE_HEADER = "X-Slack-Signature";

  /**
   * How far the request's clock may be from ours, either way; Slack's documentation says 5 minutes.
   */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private static final String VERSION = "v0";

  /** Seconds since 1970 have 10 digits until the year 2286; anything longer is not a timestamp. */
  private static final int MAX_TIMESTAMP_DIGITS = 12;

  /** Why a request was refused, or that it was not. */
  enum Verdict {
    TRUSTED,
    NOT_SIGNED,
    OUTSIDE_TIME_WINDOW,
    WRONG_SIGNATURE
  }

  private final byte[] secret;
  private final Clock clock;

  SlackRequestVerifier(String signingSecret, Clock clock) {
    this.secret =
        Objects.requireNonNull(signingSecret, "signingSecret").getBytes(StandardCharsets.UTF_8);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param timestamp the {@code X-Slack-Request-Timestamp} header, or {@code null}
   * @param signature the {@code X-Slack-Signature} header, or {@code null}
   * @param body the request body exactly as received
   */
  Verdict verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !isDigits(timestamp)) {
      return Verdict.NOT_SIGNED;
    }
    long seconds = Long.parseLong(timestamp);
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - seconds) > MAX_CLOCK_SKEW.toSeconds()) {
      return Verdict.OUTSIDE_TIME_WINDOW;
    }
    byte[] expected = expectedSignature(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Verdict.TRUSTED : Verdict.WRONG_SIGNATURE;
  }

  private String expectedSignature(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty() || text.length() > MAX_TIMESTAMP_DIGITS) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
