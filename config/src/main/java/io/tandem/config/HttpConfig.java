package io.tandem.config;

import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Tandem's own HTTP server: dashboard, {@code /health}, {@code /metrics} and, in Slack HTTP mode,
 * Slack's events.
 *
 * @param bindAddress the address to listen on; {@code 127.0.0.1} (the default) is reachable from
 *     this machine only, {@code 0.0.0.0} from everywhere
 * @param port 0 to 65535; 0 picks a free port (tests)
 * @param dashboardSecret signs the dashboard links {@code /tandem dashboard} hands out, at least
 *     {@value #MIN_SECRET_LENGTH} characters; {@code null} makes Tandem pick a random one per run
 *     (links then stop working when it restarts, and instances do not share links)
 * @param publicUrl where admins reach this server, for the links (ends with {@code /}); {@code
 *     null} for {@code http://bindAddress:port/}
 * @param linkLifetime how long a dashboard link works
 */
public record HttpConfig(
    String bindAddress,
    @Range(min = 0, max = MAX_PORT, message = "is not a port number (0-65535)") int port,
    String dashboardSecret,
    @WebUrl(
            schemes = {"http", "https"},
            base = true,
            message = "is not an http(s) URL ending with /")
        URI publicUrl,
    @DurationMin(minutes = 1, message = LIFETIME_EXPECTED)
        @DurationMax(hours = 24, message = LIFETIME_EXPECTED)
        Duration linkLifetime) {

  static final String LIFETIME_EXPECTED = "is not a duration between 1m and 24h (like 15m, 1h)";

  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int MAX_PORT = 65535;
  public static final int MIN_SECRET_LENGTH = 32;
  public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofMinutes(15);
  public static final Duration MIN_LINK_LIFETIME = Duration.ofMinutes(1);
  public static final Duration MAX_LINK_LIFETIME = Duration.ofHours(24);

  public HttpConfig {
    bindAddress = Text.blankToNull(bindAddress);
    if (bindAddress == null) {
      throw new IllegalArgumentException("bindAddress is required");
    }
    if (port < 0 || port > MAX_PORT) {
      throw new IllegalArgumentException("port " + port + " is not a port number (0-65535)");
    }
    dashboardSecret = Text.blankToNull(dashboardSecret);
    if (dashboardSecret != null && dashboardSecret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "dashboardSecret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    if (publicUrl != null && !publicUrl.toString().endsWith("/")) {
      throw new IllegalArgumentException("publicUrl " + publicUrl + " must end with /");
    }
    linkLifetime = linkLifetime == null ? DEFAULT_LINK_LIFETIME : linkLifetime;
    if (linkLifetime.compareTo(MIN_LINK_LIFETIME) < 0
        || linkLifetime.compareTo(MAX_LINK_LIFETIME) > 0) {
      throw new IllegalArgumentException("linkLifetime must be between 1 minute and 24 hours");
    }
  }

  /** Listens there, with a per-run dashboard secret and 15-minute links. */
  public HttpConfig(String bindAddress, int port) {
    this(bindAddress, port, null, null, DEFAULT_LINK_LIFETIME);
  }

  /** Loopback only, port {@value #DEFAULT_PORT}. */
  public static HttpConfig defaults() {
    return new HttpConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT);
  }

  /** The same settings with this dashboard secret. */
  public HttpConfig withDashboardSecret(String secret) {
    return new HttpConfig(bindAddress, port, secret, publicUrl, linkLifetime);
  }

  @Override
  public String toString() {
    return "HttpConfig[bindAddress="
        + bindAddress
        + ", port="
        + port
        + ", dashboardSecret="
        + Masking.hidden(dashboardSecret)
        + ", publicUrl="
        + publicUrl
        + ", linkLifetime="
        + linkLifetime
        + "]";
  }
}
