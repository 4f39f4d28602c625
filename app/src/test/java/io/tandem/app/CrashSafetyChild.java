package io.tandem.app;

import io.tandem.config.DatabaseConfig;
import io.tandem.config.DiscordConfig;
import io.tandem.config.HttpConfig;
import io.tandem.config.OutboxConfig;
import io.tandem.config.SchedulerConfig;
import io.tandem.config.SlackConfig;
import io.tandem.config.SlackRateLimits;
import io.tandem.config.TandemConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The Tandem process {@link CrashSafetyTest} starts, kills with SIGKILL and starts again: the real
 * composition root ({@link Tandem#start}) in Slack HTTP mode against the simulator in the test's
 * JVM, with the production outbox dispatcher, {@code SlackChatPort} and Quartz.
 *
 * <p>Arguments: the simulator's Web API URL, the SQLite JDBC URL, the outbox worker count. Prints
 * its Slack events URL after {@value #EVENTS_URL} and {@value #READY} once delivery runs, then runs
 * until it is killed, or stopped with SIGTERM as {@code tandem run} is.
 */
public final class CrashSafetyChild {

  static final String READY = "TANDEM-CHILD-READY";
  static final String EVENTS_URL = "TANDEM-CHILD-EVENTS-URL ";
  static final String BOT_TOKEN = "xoxb-crash-safety";
  static final String SIGNING_SECRET = "crash-safety-secret";

  private CrashSafetyChild() {}

  static TandemConfig config(String apiUrl, String databaseUrl, int workers) {
    // Pacing is the rate-limit tests' business: here the simulator takes as much as it gets, so
    // the kill lands in the middle of a fast, parallel delivery.
    SlackRateLimits unpaced = new SlackRateLimits(100, 100, 100_000, 100_000, 100_000);
    return new TandemConfig(
        new DatabaseConfig(databaseUrl, null, null, DatabaseConfig.DEFAULT_POOL_SIZE),
        new SlackConfig(
                SlackConfig.Mode.HTTP,
                BOT_TOKEN,
                null,
                SIGNING_SECRET,
                URI.create(apiUrl),
                List.of())
            .withRateLimits(unpaced),
        DiscordConfig.notConfigured(),
        new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0),
        new OutboxConfig(
            OutboxConfig.DEFAULT_MAX_ATTEMPTS,
            Duration.ofMillis(50),
            OutboxConfig.DEFAULT_BATCH_SIZE,
            OutboxConfig.DEFAULT_LEASE,
            workers),
        new SchedulerConfig("crash-safety-child", SchedulerConfig.DEFAULT_THREAD_COUNT));
  }

  /**
   * The same process on Discord instead of Slack: {@code discord} is {@code
   * discord=REST_URL|GATEWAY_URL|APPLICATION_ID|GUILD_ID} for the simulated Discord.
   */
  static TandemConfig discordConfig(String discord, String databaseUrl, int workers) {
    String[] parts = discord.substring(DISCORD.length()).split("\\|");
    TandemConfig slack = config("http://127.0.0.1:1/api/", databaseUrl, workers);
    return new TandemConfig(
        slack.database(),
        io.tandem.config.SlackConfig.notConfigured(),
        new DiscordConfig(
            DISCORD_BOT_TOKEN,
            parts[2],
            List.of(parts[3]),
            URI.create(parts[0]),
            URI.create(parts[1]),
            null),
        slack.http(),
        slack.outbox(),
        slack.scheduler());
  }

  static final String DISCORD = "discord=";
  static final String DISCORD_BOT_TOKEN = "discord-crash-safety";

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println(
          "usage: CrashSafetyChild <slack-api-url|discord=...> <sqlite-jdbc-url> <workers>");
      System.exit(2);
    }
    int workers = Integer.parseInt(args[2]);
    TandemConfig config =
        args[0].startsWith(DISCORD)
            ? discordConfig(args[0], args[1], workers)
            : config(args[0], args[1], workers);
    Tandem tandem = Tandem.start(config, Clock.systemUTC());
    // stops as `tandem run` does: SIGTERM and SIGINT stop it in order, then it exits 0
    CountDownLatch stopped = new CountDownLatch(1);
    Main.stopOnSignals(tandem, stopped);
    tandem
        .slack()
        .flatMap(slack -> slack.eventsUrl())
        .ifPresent(url -> System.out.println(EVENTS_URL + url));
    System.out.println(READY);
    System.out.flush();
    stopped.await();
    tandem.close();
    System.exit(0);
  }
}
