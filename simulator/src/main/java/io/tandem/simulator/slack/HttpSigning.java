package io.tandem.simulator.slack;

import java.time.Duration;

/**
 * How the HTTP transport signs a request; ignored over Socket Mode.
 *
 * @param signatureOverride a fixed {@code X-Slack-Signature} value, or {@code null} to sign
 * @param timestampSkew added to the current time for {@code X-Slack-Request-Timestamp} (negative
 *     for a stale request)
 */
record HttpSigning(String signatureOverride, Duration timestampSkew) {
  static final HttpSigning PROPER = new HttpSigning(null, Duration.ZERO);
}
