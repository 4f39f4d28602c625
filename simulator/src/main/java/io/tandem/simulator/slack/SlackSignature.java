package io.tandem.simulator.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Slack's request signature, version {@code v0}. Stateless and thread-safe. */
public final class SlackSignature {
  private SlackSignature() {}

  /**
   * {@code v0=hex(HMAC-SHA256(signingSecret, "v0:" + timestamp + ":" + body))}, the value of the
   * {@code X-Slack-Signature} header.
   */
  public static String sign(String signingSecret, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String base = "v0:" + timestampSeconds + ":" + body;
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
