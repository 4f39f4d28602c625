package io.tandem.simulator.discord;

import io.tandem.simulator.slack.Redelivery;
import java.io.IOException;
import java.time.Clock;

/** Settings for a {@link DiscordSimulator}; every one has a default. */
public final class DiscordSimulatorBuilder {
  Clock clock = Clock.systemUTC();
  String botToken = "simulated-discord-bot-token";
  String applicationId;
  String botName = "Tandem";
  String guildName = "Tandem Test Guild";
  String adminRoleName = "Tandem Admin";
  boolean serverMembersIntent = true;
  boolean replayInteractions = Redelivery.fromSystemProperty().everyRequestTwice();

  DiscordSimulatorBuilder() {}

  /**
   * Whether every interaction is dispatched twice (same id, same token), to run a bot under
   * duplicate delivery; by default on when {@code -Dtandem.simulator.redelivery=twice}, the switch
   * that also makes the simulated Slack deliver everything twice.
   */
  public DiscordSimulatorBuilder replayInteractions(boolean enabled) {
    this.replayInteractions = enabled;
    return this;
  }

  /**
   * Whether the bot's "Server Members Intent" is switched on in the (simulated) developer portal.
   * On by default; when off, an IDENTIFY asking for {@code GUILD_MEMBERS} is closed with 4014
   * (disallowed intents), as Discord does.
   */
  public DiscordSimulatorBuilder serverMembersIntent(boolean enabled) {
    this.serverMembersIntent = enabled;
    return this;
  }

  /** The clock for recorded times and ids; ids must stay near real time for JDA. */
  public DiscordSimulatorBuilder clock(Clock value) {
    this.clock = value;
    return this;
  }

  public DiscordSimulatorBuilder botToken(String value) {
    this.botToken = value;
    return this;
  }

  /** The application id (also the bot's user id); digits. A fresh snowflake by default. */
  public DiscordSimulatorBuilder applicationId(String value) {
    this.applicationId = value;
    return this;
  }

  public DiscordSimulatorBuilder botName(String value) {
    this.botName = value;
    return this;
  }

  public DiscordSimulatorBuilder guildName(String value) {
    this.guildName = value;
    return this;
  }

  /** The name of the guild role that marks Tandem admins. */
  public DiscordSimulatorBuilder adminRoleName(String value) {
    this.adminRoleName = value;
    return this;
  }

  public DiscordSimulator start() {
    try {
      return new DiscordSimulator(this);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the Discord simulator", e);
    }
  }
}
