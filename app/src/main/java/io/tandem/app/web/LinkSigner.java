package io.tandem.app.web;

import io.tandem.core.port.out.DashboardLinks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks dashboard links. A link carries one token, {@code
 * base64url(v1|workspace|admin|program|expiry)} {@code .} {@code base64url(HMAC-SHA256)} over that
 * text with the dashboard secret; {@code program} is {@code *} for all of the workspace's programs
 * and {@code expiry} is in epoch seconds. Every dashboard page and download checks the token: a
 * forged, altered or expired one opens nothing.
 */
public final class LinkSigner implements DashboardLinks {

  private static final String VERSION = "v1";
  private static final String ALL_PROGRAMS = "*";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** What a valid token grants, and until when. */
  public record Access(DashboardLinks.Grant grant, Instant expires) {
    public boolean allProgramsOfWorkspace() {
      return grant.programId() == null;
    }
  }

  private final byte[] secret;
  private final Duration lifetime;
  private final Clock clock;
  private volatile URI base;

  /**
   * @param secret the dashboard secret's bytes (never logged)
   * @param base where the dashboard is reached, ending with {@code /}; may be set later with {@link
   *     #baseUrl(URI)} once the server knows its port
   */
  public LinkSigner(byte[] secret, Duration lifetime, Clock clock, URI base) {
    this.secret = secret.clone();
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.base = base;
  }

  /** A secret for this run only: 32 random bytes. */
  public static byte[] randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  public static byte[] secretOf(String configured) {
    return configured.getBytes(StandardCharsets.UTF_8);
  }

  /** Where links point, ending with {@code /}. */
  public void baseUrl(URI base) {
    this.base = base;
  }

  @Override
  public DashboardLinks.Link issue(DashboardLinks.Grant grant) {
    Instant expires = clock.instant().plus(lifetime);
    String token = token(grant, expires);
    URI root = Objects.requireNonNull(base, "the dashboard's address is not known yet");
    return new DashboardLinks.Link(root.resolve("dashboard?t=" + token).toString(), expires);
  }

  /** The token for a grant that expires at {@code expires} (tests make expired ones with it). */
  public String token(DashboardLinks.Grant grant, Instant expires) {
    String payload =
        String.join(
            "|",
            VERSION,
            Long.toString(grant.workspaceId()),
            grant.adminUserId(),
            grant.programId() == null ? ALL_PROGRAMS : Long.toString(grant.programId()),
            Long.toString(expires.getEpochSecond()));
    byte[] text = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(text) + "." + ENCODER.encodeToString(mac(text));
  }

  /** What the token grants, when it is genuine and has not expired; empty otherwise. */
  public Optional<Access> check(String token) {
    if (token == null || token.length() > 1000) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    byte[] text;
    byte[] signature;
    try {
      text = DECODER.decode(token.substring(0, dot));
      signature = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(mac(text), signature)) {
      return Optional.empty();
    }
    String[] parts = new String(text, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 5 || !VERSION.equals(parts[0])) {
      return Optional.empty();
    }
    try {
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[4]));
      if (!clock.instant().isBefore(expires)) {
        return Optional.empty();
      }
      Long program = ALL_PROGRAMS.equals(parts[3]) ? null : Long.valueOf(parts[3]);
      return Optional.of(
          new Access(
              new DashboardLinks.Grant(Long.parseLong(parts[1]), parts[2], program), expires));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac.doFinal(text);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
