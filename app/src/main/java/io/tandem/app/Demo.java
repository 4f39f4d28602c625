package io.tandem.app;

import io.tandem.config.SlackRateLimits;
import io.tandem.config.TandemConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem demo}: a whole pilot program in a local simulated workspace. Tandem runs on a
 * temporary SQLite file and talks to the local Slack or Discord through the real adapter; the weeks
 * pass in compressed time (see {@link Pilot}), and the terminal shows the conversation.
 */
@Command(
    name = "demo",
    description = "Play a whole pilot program with Tandem in a local simulated workspace.")
final class Demo implements Callable<Integer> {

  enum Platform {
    slack,
    discord
  }

  @Option(
      names = "--platform",
      description = "slack or discord (default: ${DEFAULT-VALUE})",
      defaultValue = "slack")
  Platform platform;

  @Option(
      names = "--people",
      description = "how many people enrol, 4 to 40 (default: ${DEFAULT-VALUE})",
      defaultValue = "30")
  int people;

  @Option(
      names = "--seed",
      description = "the same seed gives the same people and choices (default: ${DEFAULT-VALUE})",
      defaultValue = "7")
  long seed;

  @Option(
      names = "--exit",
      description = "End after the report instead of leaving Tandem running for the dashboard.")
  boolean exit;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What the last run achieved, and its database file; for the tests. */
  Pilot.Outcome outcome;

  Path databaseFile;

  @Override
  public Integer call() throws Exception {
    if (people < 4 || people > SamplePeople.MAX_GENERATED) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--people must be between 4 and "
              + SamplePeople.MAX_GENERATED
              + ", not "
              + people
              + ". Example: --people 30");
    }
    // The transcript is the demo's output; logs would only interrupt it.
    Logging.tandemLevel(io.tandem.config.LoggingConfig.Level.ERROR);
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("tandem-demo");
    Path dbFile = dir.resolve("tandem.db");
    databaseFile = dbFile;
    ShiftableClock clock = ShiftableClock.startingAt(Pilot.firstDay(Instant.now()));
    try (SimulatedChat chat =
            SimulatedChat.start(
                platform == Platform.slack
                    ? SimulatedChat.Kind.SLACK_SOCKET
                    : SimulatedChat.Kind.DISCORD);
        Tandem tandem = Tandem.start(localLimits(chat.config("jdbc:sqlite:" + dbFile)), clock)) {
      chat.makeAdmin(Pilot.ADMIN);
      chat.connect(tandem);
      out.println(chat.title());
      outcome =
          new Pilot(
                  chat,
                  tandem,
                  clock,
                  SamplePeople.generate(people, seed),
                  seed,
                  out,
                  dir.resolve("charts"))
              .play();
      out.println();
      out.println("The demo's data is in " + dbFile + ".");
      if (!exit) {
        out.println(
            "Tandem keeps running against "
                + chat.describe()
                + " for the dashboard. Press Enter (or Ctrl-C) to stop it.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C and SIGTERM stop it in order, as they stop `tandem run`
        Main.stopOnSignals(tandem, stopped);
        // Enter stops it; so does the end of the input, when nobody is there to press anything
        Thread enter =
            new Thread(
                () -> {
                  try {
                    int read;
                    do {
                      read = System.in.read();
                    } while (read != -1 && read != '\n');
                  } catch (java.io.IOException e) {
                    // no input to wait on: stop as if Enter had been pressed
                  }
                  stopped.countDown();
                },
                "demo-enter");
        enter.setDaemon(true);
        enter.start();
        stopped.await();
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The local workspace has no workspace-wide or per-method budgets to respect (only Slack's
   * one-message-a-second per channel, which stays), so the weeks can pass quickly.
   */
  private static TandemConfig localLimits(TandemConfig config) {
    SlackRateLimits slack = SlackRateLimits.defaults();
    SlackRateLimits local =
        new SlackRateLimits(
            slack.postMessagePerChannelPerSecond(),
            slack.postMessageBurst(),
            SlackRateLimits.MAX_PER_MINUTE,
            SlackRateLimits.MAX_PER_MINUTE,
            SlackRateLimits.MAX_PER_MINUTE);
    return config.withSlackRateLimits(local);
  }
}
