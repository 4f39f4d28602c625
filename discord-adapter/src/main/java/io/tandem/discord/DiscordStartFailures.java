package io.tandem.discord;

import io.tandem.core.kernel.SetupFailure;
import io.tandem.core.kernel.SetupFailure.Kind;
import java.time.Duration;
import net.dv8tion.jda.api.requests.CloseCode;

/** The ways connecting to Discord fails at start-up, each as what happened, why and what to do. */
final class DiscordStartFailures {

  private static final String TOKEN = "the bot token in DISCORD_BOT_TOKEN (discord.bot-token)";

  private DiscordStartFailures() {}

  static SetupFailure tokenRefused(String how, Throwable cause) {
    return SetupFailure.of(
        Kind.PLATFORM,
        "Discord did not accept " + TOKEN + ": " + how,
        "the token is mistyped, was reset in the developer portal, or is not a bot token (the"
            + " client secret and the public key are not)",
        "Open discord.com/developers/applications → your app → Bot, press Reset Token and put the"
            + " new token in DISCORD_BOT_TOKEN, then start Tandem again",
        cause);
  }

  /** The gateway closed the connection for good, with {@code code} or without saying why. */
  static SetupFailure closed(String gateway, CloseCode code) {
    if (code == CloseCode.AUTHENTICATION_FAILED) {
      return tokenRefused("the gateway closed with 4004 (Authentication failed)", null);
    }
    if (code == CloseCode.DISALLOWED_INTENTS) {
      return SetupFailure.of(
          Kind.PLATFORM,
          "Discord refused the Server Members intent that discord.track-departures asks for (the"
              + " gateway closed with 4014, Disallowed intents)",
          "the privileged Server Members Intent is not switched on for this bot",
          "Enable it in the developer portal (your app → Bot → Privileged Gateway Intents →"
              + " Server Members Intent), or set discord.track-departures: false",
          null);
    }
    return SetupFailure.of(
        Kind.PLATFORM,
        "Discord's gateway "
            + gateway
            + " closed the connection"
            + (code == null ? "" : " with " + code.getCode() + " (" + code.getMeaning() + ")"),
        "Discord does not let this bot connect as configured",
        "Check the bot's settings in the developer portal and start Tandem again; --debug shows"
            + " the details",
        null);
  }

  static SetupFailure unreachable(String restUrl, Throwable cause) {
    return SetupFailure.of(
        Kind.PLATFORM,
        "Tandem could not connect to Discord at "
            + restUrl
            + " ("
            + (cause.getCause() == null ? cause.getMessage() : cause.getCause().getMessage())
            + ")",
        "this machine has no network connection, a proxy or firewall blocks Discord, or"
            + " discord.rest-url is wrong; the token was not checked",
        "Check that this machine reaches " + restUrl + ", then start Tandem again",
        cause);
  }

  static SetupFailure notReady(String gateway, String restUrl, Duration timeout) {
    return SetupFailure.of(
        Kind.PLATFORM,
        "Tandem could not connect to Discord ("
            + restUrl
            + ", "
            + gateway
            + ") within "
            + timeout.toSeconds()
            + " s",
        "this machine has no network connection, a proxy or firewall blocks Discord's"
            + " WebSocket, or Discord is having an outage; the token was not checked",
        "Check the network and https://discordstatus.com, then start Tandem again",
        null);
  }

  static SetupFailure registrationRefused(String scope, Throwable cause) {
    return SetupFailure.of(
        Kind.PLATFORM,
        "Discord refused to register /tandem in "
            + ("global".equals(scope) ? "every server" : "server " + scope)
            + ": "
            + (cause == null ? "no reason given" : cause.getMessage()),
        "DISCORD_APPLICATION_ID is not this bot's application, or the bot was invited without the"
            + " applications.commands scope",
        "Check the application id on the app's General Information page, and invite the bot again"
            + " with the bot and applications.commands scopes",
        cause);
  }

  static SetupFailure registrationSlow(String scope, Duration timeout) {
    return SetupFailure.of(
        Kind.PLATFORM,
        "Registering /tandem in " + scope + " with Discord took over " + timeout.toSeconds() + " s",
        "the network is slow or Discord is having an outage",
        "Check https://discordstatus.com and start Tandem again",
        null);
  }
}
