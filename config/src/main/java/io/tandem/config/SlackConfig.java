package io.tandem.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.validator.constraints.Range;

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
 * @param workspaces the Slack workspaces ({@code T…} team ids) and Enterprise Grid organisations
 *     ({@code E…}) this installation serves ({@code slack.workspaces}); empty means the one the bot
 *     token belongs to, as {@code auth.test} reports it
 * @param maxRequestBytes the largest request body the HTTP endpoint reads ({@code
 *     slack.max-request-size}); larger ones are refused with 413
 */
public record SlackConfig(
    Mode mode,
    @Pattern(regexp = "(?s)xoxb-.*", message = "must start with xoxb- (a bot token)")
        String botToken,
    String appToken,
    String signingSecret,
    @WebUrl(
            schemes = {"http", "https"},
            base = true,
            message = "is not an http(s) URL ending with /")
        URI apiUrl,
    @JsonProperty("admins")
        List<
                @Pattern(
                    regexp = "[UW][A-Z0-9]{2,}",
                    message = "is not a Slack user id (like U024BE7LH)")
                String>
            adminUserIds,
    SlackRateLimits rateLimits,
    List<
            @Pattern(
                regexp = WORKSPACE_ID_PATTERN,
                message =
                    "is not a Slack workspace (team) id like T0123ABCD or an Enterprise Grid id"
                        + " like E0123ABCD")
            String>
        workspaces,
    @JsonProperty("max-request-size")
        @ValueSyntax.Bytes
        @Range(
            min = MIN_MAX_REQUEST_BYTES,
            max = MAX_MAX_REQUEST_BYTES,
            message = "is not a size between 16kb and 16mb (like 1mb, 512kb)")
        int maxRequestBytes) {

  public static final URI DEFAULT_API_URL = URI.create("https://slack.com/api/");
  public static final String BOT_TOKEN_PREFIX = "xoxb-";
  public static final String APP_TOKEN_PREFIX = "xapp-";
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
  public static final int MIN_MAX_REQUEST_BYTES = 16 * 1024;
  public static final int MAX_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  static final String WORKSPACE_ID_PATTERN = "[TE][A-Z0-9]{2,}";

  /** A Slack team ({@code T…}) or Enterprise Grid organisation ({@code E…}) id. */
  public static final java.util.regex.Pattern WORKSPACE_ID =
      java.util.regex.Pattern.compile(WORKSPACE_ID_PATTERN);

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
    workspaces = Text.immutableList(workspaces);
    for (String workspace : workspaces) {
      if (!WORKSPACE_ID.matcher(workspace).matches()) {
        throw new IllegalArgumentException("workspace " + workspace + " is not a T… or E… id");
      }
    }
    if (maxRequestBytes < MIN_MAX_REQUEST_BYTES || maxRequestBytes > MAX_MAX_REQUEST_BYTES) {
      throw new IllegalArgumentException("maxRequestBytes must be between 16 KB and 16 MB");
    }
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

  /** Settings serving the bot token's workspace, with the default request size limit. */
  public SlackConfig(
      Mode mode,
      String botToken,
      String appToken,
      String signingSecret,
      URI apiUrl,
      List<String> adminUserIds,
      SlackRateLimits rateLimits) {
    this(
        mode,
        botToken,
        appToken,
        signingSecret,
        apiUrl,
        adminUserIds,
        rateLimits,
        List.of(),
        DEFAULT_MAX_REQUEST_BYTES);
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
    return new SlackConfig(
        mode,
        botToken,
        appToken,
        signingSecret,
        apiUrl,
        adminUserIds,
        limits,
        workspaces,
        maxRequestBytes);
  }

  /** The same settings serving these workspaces ({@code slack.workspaces}). */
  public SlackConfig withWorkspaces(List<String> served) {
    return new SlackConfig(
        mode,
        botToken,
        appToken,
        signingSecret,
        apiUrl,
        adminUserIds,
        rateLimits,
        served,
        maxRequestBytes);
  }

  /** The same settings with this request size limit ({@code slack.max-request-size}). */
  public SlackConfig withMaxRequestBytes(int bytes) {
    return new SlackConfig(
        mode,
        botToken,
        appToken,
        signingSecret,
        apiUrl,
        adminUserIds,
        rateLimits,
        workspaces,
        bytes);
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
        + ", workspaces="
        + workspaces
        + ", maxRequestBytes="
        + maxRequestBytes
        + "]";
  }
}
