package io.tandem.simulator.slack;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings for a {@link SlackSimulator}. Defaults: tokens {@code xoxb-sim}/{@code xapp-sim}, team
 * {@code T0SIMTEAM} "Tandem Sim" at {@code tandem-sim}, bot "tandem", the system UTC clock.
 */
public final class SlackSimulatorBuilder {
  String botToken = "xoxb-sim";
  String appToken = "xapp-sim";
  String teamId = "T0SIMTEAM";
  String teamDomain = "tandem-sim";
  String teamName = "Tandem Sim";
  String appId = "A0SIMAPP";
  String botId = "B0SIMBOT";
  String botUserId = "U0SIMBOT";
  String botName = "tandem";
  Scopes scopes;
  Clock clock = Clock.systemUTC();

  SlackSimulatorBuilder() {}

  /** The bot token to accept; must start with {@code xoxb-}. */
  public SlackSimulatorBuilder botToken(String botToken) {
    this.botToken = requireToken(botToken, "xoxb-");
    return this;
  }

  /** The app-level token to accept; must start with {@code xapp-}. */
  public SlackSimulatorBuilder appToken(String appToken) {
    this.appToken = requireToken(appToken, "xapp-");
    return this;
  }

  /** The workspace's id, domain and name. */
  public SlackSimulatorBuilder team(String teamId, String teamDomain, String teamName) {
    this.teamId = Objects.requireNonNull(teamId);
    this.teamDomain = Objects.requireNonNull(teamDomain);
    this.teamName = Objects.requireNonNull(teamName);
    return this;
  }

  /** The bot's user name, as {@code auth.test} reports it. */
  public SlackSimulatorBuilder botName(String botName) {
    this.botName = Objects.requireNonNull(botName);
    return this;
  }

  /**
   * The scopes the app was granted, instead of the bot scopes of {@code slack-app-manifest.yml}: a
   * bot call that needs a scope not among them is answered {@code missing_scope}, as Slack does.
   */
  public SlackSimulatorBuilder scopes(Scopes scopes) {
    this.scopes = Objects.requireNonNull(scopes);
    return this;
  }

  /** The clock for call times, message timestamps and {@code tz_offset}. */
  public SlackSimulatorBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  /** Binds the servers and returns the running simulator. */
  public SlackSimulator start() {
    if (scopes == null) {
      scopes = Scopes.fromManifest();
    }
    return new SlackSimulator(this);
  }

  private static String requireToken(String token, String prefix) {
    if (token == null || !token.startsWith(prefix)) {
      throw new IllegalArgumentException("expected a token starting with " + prefix);
    }
    return token;
  }
}
