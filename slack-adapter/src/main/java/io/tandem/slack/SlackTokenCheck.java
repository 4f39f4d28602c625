package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.tandem.core.kernel.SetupFailure;
import io.tandem.core.kernel.SetupFailure.Kind;
import java.io.IOException;

/**
 * Asks Slack whether the tokens work before Bolt does, so that a wrong or revoked token and an
 * unreachable Slack each end in their own paragraph instead of Bolt's "The token is invalid" for
 * both.
 */
final class SlackTokenCheck {

  private static final String BOT_TOKEN = "the bot token in SLACK_BOT_TOKEN (slack.bot-token)";
  private static final String APP_TOKEN =
      "the app-level token in SLACK_APP_TOKEN (slack.app-token)";

  private final MethodsClient methods;
  private final String apiUrl;

  SlackTokenCheck(MethodsClient methods, String apiUrl) {
    this.methods = methods;
    this.apiUrl = apiUrl;
  }

  /** Calls {@code auth.test} with the bot token; fails with what to do when it does not work. */
  void checkBotToken(String botToken) {
    SlackApiTextResponse answer;
    try {
      answer = methods.authTest(r -> r.token(botToken));
    } catch (IOException | SlackApiException e) {
      throw unreachable("auth.test", e);
    }
    if (!answer.isOk()) {
      throw refused(BOT_TOKEN, "xoxb-", "Bot User OAuth Token", answer.getError());
    }
  }

  /**
   * Asks for a Socket Mode URL with the app-level token ({@code apps.connections.open}), the call
   * Socket Mode makes first; the URL is left unused and expires.
   */
  void checkAppToken(String appToken) {
    SlackApiTextResponse answer;
    try {
      answer = methods.appsConnectionsOpen(r -> r.token(appToken));
    } catch (IOException | SlackApiException e) {
      throw unreachable("apps.connections.open", e);
    }
    if (!answer.isOk()) {
      throw refused(
          APP_TOKEN, "xapp-", "App-Level Token (with connections:write)", answer.getError());
    }
  }

  private SetupFailure unreachable(String method, Exception e) {
    if (e instanceof SlackApiException api) {
      return SetupFailure.of(
          Kind.PLATFORM,
          "Slack answered " + method + " with HTTP " + api.getResponse().code(),
          "Slack is having an outage, or a proxy between here and " + apiUrl + " answers instead",
          "Check https://slack-status.com and any proxy, then start Tandem again",
          e);
    }
    return SetupFailure.of(
        Kind.PLATFORM,
        "Tandem cannot reach Slack at " + apiUrl + " (" + e.getMessage() + ")",
        "this machine has no network connection, a proxy or firewall blocks it, or slack.api-url"
            + " is wrong; the tokens were not checked",
        "Check that this machine reaches "
            + apiUrl
            + " (e.g. curl "
            + apiUrl
            + "api.test), then"
            + " start Tandem again",
        e);
  }

  private static SetupFailure refused(String which, String prefix, String name, String error) {
    switch (error == null ? "" : error) {
      case "account_inactive", "token_revoked", "token_expired", "team_disabled" -> {
        return SetupFailure.of(
            Kind.PLATFORM,
            "Slack says " + which + " no longer works: " + error,
            "the app was uninstalled from the workspace, the token was revoked or rotated, or the"
                + " workspace was closed",
            "Reinstall the app (api.slack.com/apps → your app → Install App) and put its new "
                + name
                + " ("
                + prefix
                + "…) in the setting",
            null);
      }
      case "not_allowed_token_type" -> {
        return SetupFailure.of(
            Kind.PLATFORM,
            "Slack refused " + which + " because it is the wrong kind of token: " + error,
            "the bot token and the app-level token are swapped, or another kind of token was pasted",
            "Put the app's " + name + ", which starts with " + prefix + ", in the setting",
            null);
      }
      default -> {
        return SetupFailure.of(
            Kind.PLATFORM,
            "Slack did not accept " + which + ": " + error,
            "the token is mistyped, incomplete, or belongs to another app or workspace",
            "Copy the app's "
                + name
                + " ("
                + prefix
                + "…) from api.slack.com/apps → your app into the setting, then start Tandem again",
            null);
      }
    }
  }
}
