package io.tandem.bench;

import io.tandem.app.Tandem;
import io.tandem.config.ConfigLoader;
import io.tandem.config.SlackConfig;
import io.tandem.config.TandemConfig;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.simulator.slack.ResponseMessage;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code intake}: signed {@code /tandem log} commands at a steady rate over Slack HTTP to {@code
 * tandem run} (a separate process, the real CLI, on SQLite), which is killed with SIGKILL halfway
 * through and started again on the same database and port. Counts what was acknowledged, what was
 * stored and answered, twice or not at all, and the time from send to answer before the kill and
 * after the restart.
 */
final class IntakeBenchmark {

  static final String USAGE =
      """
      Usage: java -jar bench/target/tandem-bench.jar intake [options]

      Sends signed /tandem log commands to `tandem run` in Slack HTTP mode on SQLite, kills it
      with SIGKILL halfway through, starts it again on the same database, and counts lost and
      duplicated commands and the send-to-answer latency before and after the restart.

        --minutes N      how long to send                                 (default 10)
        --rate N         commands a second                                (default 100)
        --people N       simulated people, each enrolled as a mentee      (default 50)
        --results DIR    where intake.md and .json go                     (default bench/results)
        --tandem-jar JAR the production jar `tandem run` is started from
                                                   (default app/target/tandem.jar)
      """;

  static final String BOT_TOKEN = "xoxb-intake-bench";
  static final String SIGNING_SECRET = "intake-bench-secret";
  private static final String COMMAND = "/tandem log 45m bench-" + SignedSlashCommands.NUMBER;
  private static final String PREFIX = "IB";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** How long the answers may stop coming before the rest counts as lost. */
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

  private IntakeBenchmark() {}

  record Options(int minutes, int rate, int people, Path results, Path tandemJar) {
    static Options parse(List<String> args) {
      int minutes = 10;
      int rate = 100;
      int people = 50;
      Path results = Path.of("bench", "results");
      Path tandemJar = Path.of("app", "target", "tandem.jar");
      for (Map.Entry<String, String> option : BenchArgs.pairs(args).entrySet()) {
        String value = option.getValue();
        switch (option.getKey()) {
          case "--minutes" -> minutes = Integer.parseInt(value);
          case "--rate" -> rate = Integer.parseInt(value);
          case "--people" -> people = Integer.parseInt(value);
          case "--results" -> results = Path.of(value);
          case "--tandem-jar" -> tandemJar = Path.of(value);
          default -> throw new IllegalArgumentException("Unknown option " + option.getKey());
        }
      }
      if (minutes < 1 || rate < 1 || people < 1) {
        throw new IllegalArgumentException("--minutes, --rate and --people must be >= 1");
      }
      if (!Files.isRegularFile(tandemJar)) {
        throw new IllegalArgumentException(
            "No "
                + tandemJar
                + ": build it with ./mvnw -q -DskipTests -pl bench -am package, or point"
                + " --tandem-jar at app/target/tandem.jar.");
      }
      return new Options(minutes, rate, people, results, tandemJar);
    }
  }

  static int main(List<String> args) {
    return BenchArgs.main(args, Options::parse, USAGE, IntakeBenchmark::run);
  }

  static void run(Options o, String commandLine) throws Exception {
    Path dir = Files.createTempDirectory("tandem-intake");
    String dbUrl = "jdbc:sqlite:" + dir.resolve("tandem.db");
    try (SlackSimulator slack = SlackSimulator.start(BOT_TOKEN, "xapp-unused")) {
      List<SimulatedUser> people = enrol(slack, dbUrl, o.people());
      int port = freePort();
      Path config = writeConfig(dir, slack, dbUrl, port);
      URI eventsUrl = URI.create("http://127.0.0.1:" + port + "/slack/events");

      Child child = Child.start(o.tandemJar(), config, dir.resolve("run-1.log"));
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newCachedThreadPool(daemonThreads()))
              .connectTimeout(SignedSlashCommands.ACK_TIMEOUT)
              .build();
      SignedSlashCommands commands =
          new SignedSlashCommands(
              http, List.of(eventsUrl), SIGNING_SECRET, slack, people, COMMAND, PREFIX);
      IntakeLoad load = new IntakeLoad(commands);
      Instant startedAt = Instant.now();
      System.out.printf(
          "intake: %d commands/s for %d min, SIGKILL and restart halfway ...%n",
          o.rate(), o.minutes());
      ScheduledExecutorService pacer = load.start(o.rate(), daemonThreads());

      Duration half = Duration.ofSeconds(o.minutes() * 60L / 2);
      Thread.sleep(half.toMillis());
      Instant killedAt = Instant.now();
      load.phase.set(1);
      child.kill();
      child = Child.start(o.tandemJar(), config, dir.resolve("run-2.log"));
      Instant restartedAt = Instant.now();
      load.phase.set(2);
      Duration down = Duration.between(killedAt, restartedAt);
      System.out.printf("killed and restarted in %d ms%n", down.toMillis());
      Thread.sleep(Math.max(0, half.minus(down).toMillis()));
      pacer.shutdownNow();
      long sent = commands.sent();

      // every acknowledged command: stored and answered, once; wait while the backlog drains
      Instant sendingEnded = Instant.now();
      Drained outcome = drain(slack, dbUrl, load.acknowledged);
      Duration drained = Duration.between(sendingEnded, Instant.now());
      child.stop();

      load.sortAnswers(slack.responses(), killedAt, PREFIX);
      Map<String, Object> result = result(load, sent, outcome, down, drained, startedAt);
      result.forEach((k, v) -> System.out.println(k + ": " + v));

      write(o, commandLine, result);
    }
  }

  /** What the run showed: losses, duplicates, the downtime and the latencies, in report order. */
  private static Map<String, Object> result(
      IntakeLoad load,
      long sent,
      Drained outcome,
      Duration down,
      Duration drained,
      Instant startedAt) {
    Map<String, Long> answers = outcome.answers();
    Map<String, Long> stored = outcome.stored();
    long notStored =
        load.acknowledged.stream().filter(n -> !stored.containsKey("bench-" + n)).count();
    long notAnswered =
        load.acknowledged.stream().filter(n -> !answers.containsKey(PREFIX + n)).count();
    long duplicatedEffects = stored.values().stream().filter(c -> c > 1).count();
    long duplicatedAnswers = answers.values().stream().filter(c -> c > 1).count();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("commands sent", sent);
    result.put("acknowledged (HTTP 200)", load.acknowledged.size());
    result.put("errors (no ack: refused or timed out, mostly while down)", load.errors.get());
    result.put("lost: acknowledged, not stored", notStored);
    result.put("lost: acknowledged, not answered", notAnswered);
    result.put("duplicated effects", duplicatedEffects);
    result.put("duplicated answers", duplicatedAnswers);
    result.put("SIGKILL to restarted and serving, ms", down.toMillis());
    result.put("last answer after the last send, s", drained.toSeconds());
    result.put(
        "answers a second over the whole run",
        ResultFiles.round(
            answers.size() / (double) Duration.between(startedAt, Instant.now()).toSeconds()));
    addLatencies(result, load.ackBefore);
    addLatencies(result, load.ackAfter);
    addLatencies(result, load.answerBefore);
    addLatencies(result, load.answerOwed);
    addLatencies(result, load.answerAfter);
    return result;
  }

  private static void write(Options o, String commandLine, Map<String, Object> result)
      throws IOException {
    String heading =
        "# Intake: SIGKILL and restart under load\n\n"
            + "Goal: no acknowledged command lost or duplicated (0 and 0).\n\n";
    String method =
        "\n`tandem run` (the CLI, in its own JVM) in Slack HTTP mode on SQLite takes "
            + o.rate()
            + " signed `/tandem log 45m bench-N` commands a second from "
            + o.people()
            + " enrolled mentees for "
            + o.minutes()
            + " minutes; halfway through it is killed with SIGKILL and started again on the"
            + " same database and port while the commands keep coming. Commands sent while it"
            + " is down are errors (refused connections), not acknowledged, so not owed. Each"
            + " command has its own topic and `response_url`: the database and the simulator"
            + " tell how often it was stored and answered. Send to answer runs from the signed"
            + " request's send to the simulator's receipt of the `response_url` post. The"
            + " simulator, the load generator and `tandem run` share the machine's cores;"
            + " when the answers fall behind the rate, the latencies measure the backlog.\n\n";
    ResultFiles.write(
        o.results(),
        "intake",
        heading,
        method,
        "goal_lost_and_duplicated",
        0,
        result,
        ResultFiles.environment("intake", commandLine));
  }

  /** What the simulator and the database hold once the backlog has drained or stalled. */
  private record Drained(Map<String, Long> answers, Map<String, Long> stored) {}

  /** Every acknowledged command: stored and answered, once; waits while the backlog drains. */
  private static Drained drain(SlackSimulator slack, String dbUrl, Set<Long> acknowledged)
      throws Exception {
    long lastProgress = System.nanoTime();
    int lastCount = -1;
    Map<String, Long> answers;
    Map<String, Long> stored;
    do {
      Thread.sleep(1000);
      answers = answersById(slack);
      stored = sessionsByTopic(dbUrl);
      if (answers.size() != lastCount) {
        lastCount = answers.size();
        lastProgress = System.nanoTime();
      }
    } while (System.nanoTime() - lastProgress < STALL_TIMEOUT.toNanos()
        && !settled(acknowledged, answers, stored));
    return new Drained(answers, stored);
  }

  private static boolean settled(
      Set<Long> acknowledged, Map<String, Long> answers, Map<String, Long> stored) {
    return acknowledged.stream()
        .allMatch(n -> answers.containsKey(PREFIX + n) && stored.containsKey("bench-" + n));
  }

  private static void addLatencies(Map<String, Object> result, Latencies latencies) {
    Latencies.Summary s = latencies.summary();
    result.put(s.side() + ": count", s.count());
    result.put(s.side() + ": p50 ms", s.p50());
    result.put(s.side() + ": p99 ms", s.p99());
    result.put(s.side() + ": max ms", s.max());
  }

  /** Enrols the people as mentees through the core, before `tandem run` starts. */
  static List<SimulatedUser> enrol(SlackSimulator slack, String dbUrl, int count) throws Exception {
    TandemConfig config =
        new TandemConfig(
            new io.tandem.config.DatabaseConfig(dbUrl, null, null, 4),
            SlackConfig.notConfigured(),
            io.tandem.config.DiscordConfig.notConfigured(),
            new io.tandem.config.HttpConfig(io.tandem.config.HttpConfig.DEFAULT_BIND_ADDRESS, 0));
    List<SimulatedUser> people = new ArrayList<>();
    try (Tandem tandem = Tandem.start(config, Clock.systemUTC())) {
      for (int i = 1; i <= count; i++) {
        SimulatedUser user = slack.user(String.format("person%03d", i));
        Enrolment.mentee(tandem, Platform.SLACK, slack.teamId(), user.id());
        people.add(user);
      }
    }
    return people;
  }

  /** A {@code tandem.yml} for Slack HTTP mode against {@code slack} (token {@link #BOT_TOKEN}). */
  static Path writeConfig(Path dir, SlackSimulator slack, String dbUrl, int port)
      throws IOException, io.tandem.config.ConfigException {
    String yaml =
        String.join(
            "\n",
            "database:",
            "  url: \"" + dbUrl + "\"",
            "slack:",
            "  mode: http",
            "  bot-token: \"" + BOT_TOKEN + "\"",
            "  signing-secret: \"" + SIGNING_SECRET + "\"",
            "  api-url: \"" + slack.apiUrl() + "\"",
            "http:",
            "  bind-address: 127.0.0.1",
            "  port: " + port,
            "  dashboard-secret: \"intake-bench-dashboard-secret-0123456789\"",
            "");
    Path file = dir.resolve("tandem.yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    // the same checks `tandem run` makes, here, so a bad file fails before anything starts
    ConfigLoader.load(file, dir, Map.of());
    return file;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, Long> answersById(SlackSimulator slack) {
    Map<String, Long> counts = new HashMap<>();
    for (ResponseMessage r : slack.responses()) {
      if (r.responseUrlId().startsWith(PREFIX)) {
        counts.merge(r.responseUrlId(), 1L, Long::sum);
      }
    }
    return counts;
  }

  private static Map<String, Long> sessionsByTopic(String dbUrl) throws Exception {
    try (Database db =
            Database.open(
                DatabaseSettings.of(dbUrl, null, null, 1).withMigrateOnOpen(false),
                Clock.systemUTC());
        Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT topic, COUNT(*) FROM mentoring_session WHERE topic LIKE 'bench-%'"
                    + " GROUP BY topic");
        ResultSet rs = ps.executeQuery()) {
      Map<String, Long> counts = new HashMap<>();
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
      return counts;
    }
  }

  /**
   * {@code tandem run --config FILE} in a JVM of its own, from the production jar (with its own
   * logging, which the bench's class path leaves out), with its output in a file.
   */
  private record Child(Process process, Path log) {
    static Child start(Path tandemJar, Path config, Path log) throws Exception {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder builder =
          new ProcessBuilder(
              java.toString(), "-jar", tandemJar.toString(), "run", "--config", config.toString());
      builder.redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      Child child = new Child(builder.start(), log);
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!Files.readString(log).contains("Tandem is running")) {
        if (!child.process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("tandem run did not start:\n" + Files.readString(log));
        }
        Thread.sleep(20);
      }
      return child;
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread thread = new Thread(r, "intake-bench");
      thread.setDaemon(true);
      return thread;
    };
  }
}
