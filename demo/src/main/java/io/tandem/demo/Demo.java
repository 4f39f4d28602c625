package io.tandem.demo;

import io.tandem.app.Logging;
import io.tandem.app.Main;
import io.tandem.app.Tandem;
import io.tandem.config.SlackRateLimits;
import io.tandem.config.TandemConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
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

  @Option(
      names = "--start",
      paramLabel = "DATE",
      description =
          "Play the pilot from this Monday (e.g. 2026-11-30) instead of next Monday; the same"
              + " seed and start play the same pilot, message for message.")
  LocalDate start;

  @Option(
      names = "--readme",
      arity = "0..1",
      paramLabel = "FILE",
      fallbackValue = "README.md",
      description =
          "Play the pilot the README shows (Slack, 30 people, seed 7, from "
              + ReadmeExcerpt.START_TEXT
              + "), end after the report, and write its excerpt between the markers in FILE"
              + " (default README.md) and its funnel chart to docs/demo-funnel.png next to it.")
  Path readme;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What the last run achieved, its database file and the dashboard link; for the tests. */
  Pilot.Outcome outcome;

  Path databaseFile;

  String dashboard;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    // The transcript is the demo's output; logs would only interrupt it.
    Logging.tandemLevel(io.tandem.config.LoggingConfig.Level.ERROR);
    StringWriter transcript = new StringWriter();
    PrintWriter out =
        readme == null
            ? spec.commandLine().getOut()
            : new PrintWriter(new Tee(spec.commandLine().getOut(), transcript), true);
    Path dir = Files.createTempDirectory("tandem-demo");
    Path dbFile = dir.resolve("tandem.db");
    databaseFile = dbFile;
    Instant firstDay =
        start == null
            ? Pilot.firstDay(Instant.now())
            : start.atTime(Pilot.FIRST_HOUR).toInstant(ZoneOffset.UTC);
    // The clock stands still between the pilot's steps, so each step happens at one instant, the
    // same in every run however long the machine takes: the same seed plays the same pilot.
    ShiftableClock clock = ShiftableClock.standingAt(firstDay);
    try (SimulatedChat chat =
            SimulatedChat.start(
                platform == Platform.slack
                    ? SimulatedChat.Kind.SLACK_SOCKET
                    : SimulatedChat.Kind.DISCORD);
        Tandem tandem = Tandem.start(localLimits(chat.config("jdbc:sqlite:" + dbFile)), clock)) {
      chat.makeAdmin(Pilot.ADMIN);
      chat.connect(tandem);
      out.println(chat.title());
      Pilot pilot =
          new Pilot(
              chat,
              tandem,
              clock,
              SamplePeople.generate(people, seed),
              seed,
              out,
              dir.resolve("charts"));
      outcome = pilot.play();
      out.println();
      out.println("The demo's data is in " + dbFile + ".");
      if (readme != null) {
        ReadmeExcerpt.write(readme, ReadmeExcerpt.of(transcript.toString()), outcome.charts());
        out.println(
            "Wrote the excerpt of this run into "
                + readme
                + " and its funnel chart to "
                + ReadmeExcerpt.funnelPicture(readme)
                + ".");
      } else if (exit) {
        out.println(
            "The dashboard needs Tandem running: run the demo without --exit and open the link"
                + " it gives at the end.");
      } else {
        keepRunning(chat, tandem, clock, pilot, out);
      }
    }
    out.flush();
    return 0;
  }

  /** Refuses options that make no pilot, with an example of what would. */
  private void checkOptions() {
    if (people < 4 || people > SamplePeople.MAX_GENERATED) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--people must be between 4 and "
              + SamplePeople.MAX_GENERATED
              + ", not "
              + people
              + ". Example: --people 30");
    }
    if (readme != null) {
      refuseChangesToTheReadmePilot();
      start = ReadmeExcerpt.START;
      if (!Files.isRegularFile(readme)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--readme: there is no file "
                + readme
                + "; run it from the project folder, or name the README: --readme README.md");
      }
    }
    if (start != null && start.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--start must be a Monday, not a "
              + start.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
              + ". Example: --start "
              + ReadmeExcerpt.START);
    }
  }

  /**
   * Back to the real time, the admin asks for a dashboard link, and Tandem keeps running for it
   * until Enter, Ctrl-C or the end of the input.
   */
  private void keepRunning(
      SimulatedChat chat, Tandem tandem, ShiftableClock clock, Pilot pilot, PrintWriter out)
      throws Exception {
    // Back to the real time: the link's expiry is then a real time, and the weeks of the
    // pilot lie ahead, so no reminder falls due while Tandem keeps running.
    clock.runInRealTime();
    dashboard = pilot.dashboard();
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

  /** The README shows one pilot; --readme plays that one, so the test can replay it. */
  private void refuseChangesToTheReadmePilot() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    List<String> changed =
        Stream.of("--platform", "--people", "--seed", "--start")
            .filter(parsed::hasMatchedOption)
            .toList();
    if (!changed.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--readme plays the pilot the README shows, so it takes no "
              + String.join(", ", changed)
              + ". Example: ./tandem demo --readme");
    }
    exit = true;
  }

  /** Writes to the terminal and keeps a copy. */
  private static final class Tee extends Writer {
    private final Writer first;
    private final Writer second;

    Tee(Writer first, Writer second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      first.write(chars, offset, length);
      second.write(chars, offset, length);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
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
