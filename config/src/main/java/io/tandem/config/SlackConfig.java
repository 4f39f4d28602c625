package io.tandem.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How Tandem talks to Slack. Slack is enabled when a bot token is set ({@link #configured()}).
 *
 * @param mode how Slack events reach Tandem: a Socket Mode connection, or HTTP requests
 * @param botToken the bot token ({@code xoxb-…}), or {@code null} when Slack is not used
 * @param appToken the app-level token ({@code xapp-…}) that opens Socket Mode connections; required
 *     in {@link Mode#SOCKET} mode when Slack is configured
 * @param signingSecret verifies HTTP requests from Slack; required in {@link Mode#HTTP} mode
 * @param apiUrl the Web API base, ending with {@code /}; the simulator replaces it in tests
 * @param adminUserIds Slack user ids (e.g. {@code U024BE7LH}) who are Tandem admins
 * @param rateLimits how fast Tandem posts ({@code slack.rate-limits})
 */
public record SlackConfig(
    Mode mode,
    String botToken,
    String appToken,
    String signingSecret,
    URI apiUrl,
    List<String> adminUserIds,
    SlackRateLimits rateLimits) {

  public static final URI DEFAULT_API_URL = URI.create("https://slack.com/api/");
  public static final String BOT_TOKEN_PREFIX = "xoxb-";
  public static final String APP_TOKEN_PREFIX = "xapp-";

  /** How Slack events reach Tandem. */
  public enum Mode {
    /** Tandem opens a WebSocket to Slack; no public URL needed. The default. */
    SOCKET,
    /** Slack posts events to Tandem's HTTP endpoint, e.g. behind a load balancer. */
    HTTP;

    /** The spelling used in {@code tandem.yml}: {@code socket} or {@code http}. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@code tandem.yml} spelling, ignoring case. */
    public static Optional<Mode> fromYaml(String value) {
      for (Mode mode : values()) {
        if (mode.yamlName().equalsIgnoreCase(value.strip())) {
          return Optional.of(mode);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Checks the same rules as {@link ConfigLoader}, without its friendly messages: when configured,
   * the bot token starts with {@code xoxb-}, Socket Mode has an {@code xapp-} app token, HTTP mode
   * has a signing secret.
   */
  public SlackConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(rateLimits, "rateLimits");
    if (!apiUrl.toString().endsWith("/")) {
      throw new IllegalArgumentException("apiUrl " + apiUrl + " must end with /");
    }
    botToken = Text.blankToNull(botToken);
    appToken = Text.blankToNull(appToken);
    signingSecret = Text.blankToNull(signingSecret);
    adminUserIds = Text.immutableList(adminUserIds);
    if (botToken != null) {
      if (!botToken.startsWith(BOT_TOKEN_PREFIX)) {
        throw new IllegalArgumentException("botToken must start with " + BOT_TOKEN_PREFIX);
      }
      if (mode == Mode.SOCKET && (appToken == null || !appToken.startsWith(APP_TOKEN_PREFIX))) {
        throw new IllegalArgumentException("socket mode needs an appToken starting with xapp-");
      }
      if (mode == Mode.HTTP && signingSecret == null) {
        throw new IllegalArgumentException("http mode needs a signingSecret");
      }
    }
  }

  /** Settings with the default rate limits. */
  public SlackConfig(
      Mode mode,
      String botToken,
      String appToken,
      String signingSecret,
      URI apiUrl,
      List<String> adminUserIds) {
    this(mode, botToken, appToken, signingSecret, apiUrl, adminUserIds, SlackRateLimits.defaults());
  }

  /** The same settings with other rate limits. */
  public SlackConfig withRateLimits(SlackRateLimits limits) {
    return new SlackConfig(mode, botToken, appToken, signingSecret, apiUrl, adminUserIds, limits);
  }

  /** Slack switched off: no tokens, Socket Mode, the real API URL, no admins. */
  public static SlackConfig notConfigured() {
    return new SlackConfig(Mode.SOCKET, null, null, null, DEFAULT_API_URL, List.of());
  }

  /** Whether Slack is enabled, i.e. a bot token is set. */
  public boolean configured() {
    return botToken != null;
  }

  /** Masks every token and the signing secret. */
  @Override
  public String toString() {
    return "SlackConfig[mode="
        + mode
        + ", botToken="
        + Masking.token(botToken)
        + ", appToken="
        + Masking.token(appToken)
        + ", signingSecret="
        + Masking.hidden(signingSecret)
        + ", apiUrl="
        + apiUrl
        + ", adminUserIds="
        + adminUserIds
        + ", rateLimits="
        + rateLimits
        + "]";
  }
}
