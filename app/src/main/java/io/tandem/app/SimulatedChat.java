package io.tandem.app;

import io.tandem.config.DatabaseConfig;
import io.tandem.config.DiscordConfig;
import io.tandem.config.HttpConfig;
import io.tandem.config.SlackConfig;
import io.tandem.config.TandemConfig;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.slack.ResponseMessage;
import io.tandem.simulator.slack.SlackClient;
import io.tandem.simulator.slack.SlackSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A local chat platform with Tandem connected to it: the demo plays its script on one, and the
 * end-to-end tests run the same scenario on each.
 */
abstract class SimulatedChat implements AutoCloseable {

  static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

  enum Kind {
    SLACK_SOCKET,
    SLACK_HTTP,
    DISCORD
  }

  /** What Tandem answered, as the person saw it. */
  record Answer(String text, boolean privately) {}

  static SimulatedChat start(Kind kind) {
    return switch (kind) {
      case SLACK_SOCKET -> new Slack(SlackConfig.Mode.SOCKET);
      case SLACK_HTTP -> new Slack(SlackConfig.Mode.HTTP);
      case DISCORD -> new Discord();
    };
  }

  /** How a command of the core grammar is typed on a platform, without starting one. */
  static Optional<String> typedOn(Kind kind, String command) {
    return kind == Kind.DISCORD
        ? DiscordCommandLine.of(command)
        : Optional.of("/tandem " + command).map(String::strip);
  }

  abstract String title();

  abstract String describe();

  /** Tandem's configuration for talking to this platform, on the given database. */
  abstract TandemConfig config(String databaseUrl);

  /** Called once Tandem runs. */
  abstract void connect(Tandem tandem);

  abstract Kind kind();

  /**
   * The command as the person types it on this platform, or empty when the platform cannot send it
   * (Discord offers only the subcommands Tandem registered).
   */
  final Optional<String> typed(String command) {
    return typedOn(kind(), command);
  }

  abstract Answer run(String person, String command);

  /** The local Slack, reaching Tandem over Socket Mode or signed HTTP requests. */
  static final class Slack extends SimulatedChat {
    static final String SIGNING_SECRET = "local-signing-secret";

    private final SlackConfig.Mode mode;
    private final SlackSimulator simulator =
        SlackSimulator.start("xoxb-local-bot-token", "xapp-local-app-token");
    private SlackClient client;

    Slack(SlackConfig.Mode mode) {
      this.mode = mode;
    }

    SlackSimulator simulator() {
      return simulator;
    }

    SlackClient client() {
      return client;
    }

    @Override
    String title() {
      return "Tandem demo: a local Slack workspace on 127.0.0.1, "
          + (mode == SlackConfig.Mode.SOCKET ? "Socket Mode" : "HTTP events")
          + ", real Bolt";
    }

    @Override
    String describe() {
      return "the local Slack at " + simulator.apiUrl();
    }

    @Override
    TandemConfig config(String databaseUrl) {
      return new TandemConfig(
          new DatabaseConfig(databaseUrl, null, null, DatabaseConfig.DEFAULT_POOL_SIZE),
          new SlackConfig(
              mode,
              simulator.botToken(),
              mode == SlackConfig.Mode.SOCKET ? simulator.appToken() : null,
              mode == SlackConfig.Mode.HTTP ? SIGNING_SECRET : null,
              URI.create(simulator.apiUrl()),
              List.of()),
          DiscordConfig.notConfigured(),
          new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0));
    }

    @Override
    void connect(Tandem tandem) {
      client =
          mode == SlackConfig.Mode.SOCKET
              ? SlackClient.overSocketMode(simulator)
              : SlackClient.overHttp(
                  simulator,
                  URI.create(tandem.slack().orElseThrow().eventsUrl().orElseThrow()),
                  SIGNING_SECRET);
    }

    @Override
    Kind kind() {
      return mode == SlackConfig.Mode.SOCKET ? Kind.SLACK_SOCKET : Kind.SLACK_HTTP;
    }

    @Override
    Answer run(String person, String command) {
      ResponseMessage response =
          client.user(person).runs(typed(command).orElseThrow()).awaitResponse(REPLY_TIMEOUT);
      return new Answer(response.readableText(), response.isEphemeral());
    }

    @Override
    public void close() {
      if (client != null) {
        client.close();
      }
      simulator.close();
    }
  }

  /** The local Discord server, driven through its gateway and REST API. */
  static final class Discord extends SimulatedChat {
    private final DiscordSimulator simulator = DiscordSimulator.start();

    @Override
    String title() {
      return "Tandem demo: a local Discord server on 127.0.0.1, gateway and REST, real JDA";
    }

    @Override
    String describe() {
      return "the local Discord at " + simulator.restUrl();
    }

    @Override
    TandemConfig config(String databaseUrl) {
      return new TandemConfig(
          new DatabaseConfig(databaseUrl, null, null, DatabaseConfig.DEFAULT_POOL_SIZE),
          SlackConfig.notConfigured(),
          new DiscordConfig(
              simulator.botToken(),
              simulator.applicationId(),
              List.of(simulator.guildId()),
              simulator.restUrl(),
              simulator.gatewayUrl(),
              simulator.adminRoleName()),
          new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0));
    }

    @Override
    void connect(Tandem tandem) {}

    @Override
    Kind kind() {
      return Kind.DISCORD;
    }

    @Override
    Answer run(String person, String command) {
      DiscordMessage reply =
          simulator.user(person).runs(typed(command).orElseThrow()).awaitReply(REPLY_TIMEOUT);
      return new Answer(reply.render(), reply.ephemeral());
    }

    @Override
    public void close() {
      simulator.close();
    }
  }
}
