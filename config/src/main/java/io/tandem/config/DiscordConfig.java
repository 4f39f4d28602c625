package io.tandem.config;

import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How Tandem talks to Discord. Discord is enabled when a bot token is set ({@link #configured()}).
 *
 * @param botToken the bot token, without a {@code Bot } prefix, or {@code null} when Discord is not
 *     used
 * @param applicationId the application (client) id, digits only; required when configured
 * @param guildIds guilds to register slash commands in (digits); empty registers them globally
 * @param restUrl the REST API base, ending with {@code /}; the simulator replaces it in tests
 * @param gatewayUrl the gateway WebSocket URL
 * @param adminRole the name or id of the role whose members are Tandem admins, or {@code null}
 * @param rateLimits how fast Tandem calls Discord ({@code discord.rate-limits})
 * @param trackDepartures whether Tandem asks for the privileged Server Members intent to see
 *     members leave the server ({@code discord.track-departures}); off unless the intent is enabled
 *     in the developer portal, since Discord refuses the connection otherwise
 */
public record DiscordConfig(
    @Pattern(
            regexp = "(?is)(?!bot ).*",
            message = "must be the bare token, without the \"Bot \" prefix")
        String botToken,
    @Pattern(regexp = "[0-9]+", message = ID_EXPECTED) String applicationId,
    List<@Pattern(regexp = "[0-9]+", message = ID_EXPECTED) String> guildIds,
    @WebUrl(
            schemes = {"http", "https"},
            base = true,
            message = "is not an http(s) URL ending with /")
        URI restUrl,
    @WebUrl(
            schemes = {"ws", "wss"},
            message = "is not a ws(s) URL")
        URI gatewayUrl,
    String adminRole,
    DiscordRateLimits rateLimits,
    boolean trackDepartures) {

  public static final URI DEFAULT_REST_URL = URI.create("https://discord.com/api/v10/");
  public static final URI DEFAULT_GATEWAY_URL = URI.create("wss://gateway.discord.gg");
  static final String ID_EXPECTED = "is not a Discord id (digits only)";

  /**
   * Checks the same rules as {@link ConfigLoader}, without its friendly messages: ids are digits,
   * and a configured bot has an application id.
   */
  public DiscordConfig {
    Objects.requireNonNull(restUrl, "restUrl");
    Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    Objects.requireNonNull(rateLimits, "rateLimits");
    if (!restUrl.toString().endsWith("/")) {
      throw new IllegalArgumentException("restUrl " + restUrl + " must end with /");
    }
    botToken = Text.blankToNull(botToken);
    applicationId = Text.blankToNull(applicationId);
    guildIds = Text.immutableList(guildIds);
    adminRole = Text.blankToNull(adminRole);
    if (applicationId != null && !Text.isDigits(applicationId)) {
      throw new IllegalArgumentException("applicationId " + applicationId + " is not digits");
    }
    for (String guildId : guildIds) {
      if (!Text.isDigits(guildId)) {
        throw new IllegalArgumentException("guild id " + guildId + " is not digits");
      }
    }
    if (botToken != null && applicationId == null) {
      throw new IllegalArgumentException("a configured Discord bot needs an applicationId");
    }
  }

  /** Settings that do not track departures. */
  public DiscordConfig(
      String botToken,
      String applicationId,
      List<String> guildIds,
      URI restUrl,
      URI gatewayUrl,
      String adminRole,
      DiscordRateLimits rateLimits) {
    this(botToken, applicationId, guildIds, restUrl, gatewayUrl, adminRole, rateLimits, false);
  }

  /** Settings with the default rate limits. */
  public DiscordConfig(
      String botToken,
      String applicationId,
      List<String> guildIds,
      URI restUrl,
      URI gatewayUrl,
      String adminRole) {
    this(
        botToken,
        applicationId,
        guildIds,
        restUrl,
        gatewayUrl,
        adminRole,
        DiscordRateLimits.defaults());
  }

  /** The same settings with other rate limits. */
  public DiscordConfig withRateLimits(DiscordRateLimits limits) {
    return new DiscordConfig(
        botToken, applicationId, guildIds, restUrl, gatewayUrl, adminRole, limits, trackDepartures);
  }

  /** The same settings, tracking departures or not ({@code discord.track-departures}). */
  public DiscordConfig withTrackDepartures(boolean track) {
    return new DiscordConfig(
        botToken, applicationId, guildIds, restUrl, gatewayUrl, adminRole, rateLimits, track);
  }

  /** Discord switched off: no token, the real API URLs. */
  public static DiscordConfig notConfigured() {
    return new DiscordConfig(null, null, List.of(), DEFAULT_REST_URL, DEFAULT_GATEWAY_URL, null);
  }

  /** Whether Discord is enabled, i.e. a bot token is set. */
  public boolean configured() {
    return botToken != null;
  }

  /** Whether slash commands are registered globally rather than in listed guilds. */
  public boolean globalCommands() {
    return guildIds.isEmpty();
  }

  /** Masks the bot token. */
  @Override
  public String toString() {
    return "DiscordConfig[botToken="
        + Masking.token(botToken)
        + ", applicationId="
        + applicationId
        + ", guildIds="
        + guildIds
        + ", restUrl="
        + restUrl
        + ", gatewayUrl="
        + gatewayUrl
        + ", adminRole="
        + adminRole
        + ", rateLimits="
        + rateLimits
        + ", trackDepartures="
        + trackDepartures
        + "]";
  }
}
