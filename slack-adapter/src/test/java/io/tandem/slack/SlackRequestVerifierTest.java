package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.simulator.slack.SlackSignature;
import io.tandem.slack.SlackRequestVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Slack request verification on the raw bytes")
class SlackRequestVerifierTest {

  private static final String SECRET = "the-signing-secret";
  private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
  private static final String BODY = "command=%2Ftandem&text=log+45m";

  private final SlackRequestVerifier verifier =
      new SlackRequestVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  private static Verdict verdictAt(SlackRequestVerifier verifier, Duration skew) {
    long ts = NOW.plus(skew).getEpochSecond();
    return verifier.verify(Long.toString(ts), SlackSignature.sign(SECRET, ts, BODY), bytes(BODY));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("trusts a request signed with the secret within five minutes either way")
  void trustsFreshSignedRequests() {
    for (long seconds : new long[] {0, 299, 300, -299, -300}) {
      assertThat(verdictAt(verifier, Duration.ofSeconds(seconds)))
          .as("%ds", seconds)
          .isEqualTo(Verdict.TRUSTED);
    }
  }

  @ParameterizedTest(name = "refuses a correctly signed request {0} seconds away")
  @ValueSource(longs = {301, -301, 3600, -3600, 365L * 24 * 3600, -365L * 24 * 3600})
  void refusesOutsideTheWindow(long seconds) {
    assertThat(verdictAt(verifier, Duration.ofSeconds(seconds)))
        .isEqualTo(Verdict.OUTSIDE_TIME_WINDOW);
  }

  @Test
  @DisplayName("refuses a body changed after signing, another secret and a mangled signature")
  void refusesWrongSignatures() {
    long ts = NOW.getEpochSecond();
    String signature = SlackSignature.sign(SECRET, ts, BODY);

    assertThat(verifier.verify(Long.toString(ts), signature, bytes(BODY + "x")))
        .isEqualTo(Verdict.WRONG_SIGNATURE);
    assertThat(
            verifier.verify(Long.toString(ts), SlackSignature.sign("other", ts, BODY), bytes(BODY)))
        .isEqualTo(Verdict.WRONG_SIGNATURE);
    assertThat(verifier.verify(Long.toString(ts), signature.toUpperCase(), bytes(BODY)))
        .isEqualTo(Verdict.WRONG_SIGNATURE);
    assertThat(verifier.verify(Long.toString(ts), "v0=", bytes(BODY)))
        .isEqualTo(Verdict.WRONG_SIGNATURE);
  }

  @Test
  @DisplayName("signs the bytes as received, so a body that is not UTF-8 is verified as sent")
  void verifiesRawBytes() {
    long ts = NOW.getEpochSecond();
    byte[] latin1 = "text=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    String signature = SlackSignature.sign(SECRET, ts, new String(latin1, StandardCharsets.UTF_8));

    // the UTF-8 decoding of invalid bytes differs from the bytes: the signature must not match
    assertThat(verifier.verify(Long.toString(ts), signature, latin1))
        .isEqualTo(Verdict.WRONG_SIGNATURE);
  }

  @ParameterizedTest(name = "treats timestamp \"{0}\" as unsigned")
  @ValueSource(strings = {"", "abc", "-5", "1.5", "99999999999999999999", " 1"})
  void refusesMalformedTimestamps(String timestamp) {
    assertThat(verifier.verify(timestamp, "v0=00", bytes(BODY))).isEqualTo(Verdict.NOT_SIGNED);
  }

  @Test
  @DisplayName("treats missing headers as unsigned")
  void refusesMissingHeaders() {
    String ts = Long.toString(NOW.getEpochSecond());
    assertThat(verifier.verify(null, "v0=00", bytes(BODY))).isEqualTo(Verdict.NOT_SIGNED);
    assertThat(verifier.verify(ts, null, bytes(BODY))).isEqualTo(Verdict.NOT_SIGNED);
  }
}
