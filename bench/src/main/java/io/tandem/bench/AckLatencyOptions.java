package io.tandem.bench;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code ack-latency} runs: rates, durations and which platforms. Durations are per side: with
 * {@code --seconds 30} Tandem and the baseline each get 30 measured seconds, interleaved, so the
 * measured part lasts 60 s.
 */
record AckLatencyOptions(
    int rate,
    int seconds,
    int warmupSeconds,
    int users,
    int discordRate,
    int discordSeconds,
    int discordWarmupSeconds,
    Set<Platform> platforms,
    Path resultsDir,
    SlackAckBenchmark.Baseline slackBaseline) {

  enum Platform {
    SLACK,
    DISCORD
  }

  static final String USAGE =
      """
      Usage: java -jar bench/target/tandem-bench.jar [ack-latency] [options]

      Measures how fast Tandem acknowledges and answers /tandem log against a bare bot that only
      acks, against the local Slack and Discord simulators. Each side runs in a JVM of its own with
      its own simulator, four processes per platform in the order Tandem, bare, bare, Tandem, each
      measuring half of the side's seconds. Both sides run with the JVM options `./tandem run`
      gets, then this JVM's own: -Xlog:gc*,safepoint:file=gc-%p.log:uptime and
      -Dtandem.bench.trace=PREFIX (each measured request's due time and latency) reach both.

        --rate N                   Slack commands per second, per side      (default 100)
        --seconds N                measured Slack seconds, per side         (default 30)
        --warmup-seconds N         unrecorded Slack warm-up, per process    (default 5)
        --users N                  simulated people, joined to Tandem first (default 50)
        --discord-rate N           Discord interactions per second          (default 40)
        --discord-seconds N        measured Discord seconds, per side       (default 90)
        --discord-warmup-seconds N unrecorded Discord warm-up, per process  (default 10)
        --only slack|discord       run one platform only                    (default both)
        --results DIR              where ack-latency.md and .json go        (default bench/results)
        --slack-baseline KIND      ack (the real baseline), or a diagnostic: ack-respond (ack, then
                                   ctx.respond on 8 threads) or ack-respond-shared-gson (the same
                                   answer serialised by one shared Gson)     (default ack)
      """;

  AckLatencyOptions {
    positive("--rate", rate);
    positive("--seconds", seconds);
    notNegative("--warmup-seconds", warmupSeconds);
    positive("--users", users);
    positive("--discord-rate", discordRate);
    positive("--discord-seconds", discordSeconds);
    notNegative("--discord-warmup-seconds", discordWarmupSeconds);
    platforms = Set.copyOf(platforms);
    if (platforms.isEmpty()) {
      throw new IllegalArgumentException("Nothing to run: choose slack or discord.");
    }
  }

  static AckLatencyOptions parse(List<String> args) {
    int rate = 100;
    int seconds = 30;
    int warmup = 5;
    int users = 50;
    int discordRate = 40;
    int discordSeconds = 90;
    int discordWarmup = 10;
    Set<Platform> platforms = EnumSet.allOf(Platform.class);
    Path results = Path.of("bench", "results");
    SlackAckBenchmark.Baseline slackBaseline = SlackAckBenchmark.Baseline.ACK;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("Option " + arg + " needs a value.");
      }
      switch (name) {
        case "--rate" -> rate = number(name, value);
        case "--seconds" -> seconds = number(name, value);
        case "--warmup-seconds" -> warmup = number(name, value);
        case "--users" -> users = number(name, value);
        case "--discord-rate" -> discordRate = number(name, value);
        case "--discord-seconds" -> discordSeconds = number(name, value);
        case "--discord-warmup-seconds" -> discordWarmup = number(name, value);
        case "--only" -> platforms = EnumSet.of(platform(value));
        case "--results" -> results = Path.of(value);
        case "--slack-baseline" -> slackBaseline = baseline(value);
        default -> throw new IllegalArgumentException("Unknown option " + arg + ".");
      }
    }
    return new AckLatencyOptions(
        rate,
        seconds,
        warmup,
        users,
        discordRate,
        discordSeconds,
        discordWarmup,
        platforms,
        results,
        slackBaseline);
  }

  /** The options of one side's process on {@code platform}, measuring {@code seconds}. */
  List<String> childArgs(Platform platform, int seconds) {
    List<String> args = new java.util.ArrayList<>(List.of("--users", Integer.toString(users)));
    if (platform == Platform.SLACK) {
      args.addAll(
          List.of(
              "--only", "slack",
              "--rate", Integer.toString(rate),
              "--seconds", Integer.toString(seconds),
              "--warmup-seconds", Integer.toString(warmupSeconds),
              "--slack-baseline", slackBaseline.name()));
    } else {
      args.addAll(
          List.of(
              "--only", "discord",
              "--discord-rate", Integer.toString(discordRate),
              "--discord-seconds", Integer.toString(seconds),
              "--discord-warmup-seconds", Integer.toString(discordWarmupSeconds)));
    }
    return args;
  }

  boolean runs(Platform platform) {
    return platforms.contains(platform);
  }

  private static Platform platform(String value) {
    try {
      return Platform.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--only takes slack or discord, not '" + value + "'.");
    }
  }

  private static SlackAckBenchmark.Baseline baseline(String value) {
    try {
      return SlackAckBenchmark.Baseline.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--slack-baseline takes ack, ack-respond or ack-respond-shared-gson, not '"
              + value
              + "'.");
    }
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'.");
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value + ".");
    }
  }

  private static void notNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, was " + value + ".");
    }
  }
}
