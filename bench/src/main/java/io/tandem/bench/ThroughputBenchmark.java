package io.tandem.bench;

import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code throughput}: the highest sustained rate of {@code /tandem log}, of {@code /tandem status}
 * and of a button click (status's "My sessions") at which the p99 from the signed request's send to
 * the answer (in the acknowledgement, or at the {@code response_url}) stays under 1 s, against
 * Tandem ({@code tandem run} in Slack HTTP mode, each instance a JVM of its own, the commands sent
 * to the instances in turn) on SQLite, or on PostgreSQL with one or more instances sharing the
 * database, with many enrolled people and a long signal history; and, in the same run on the same
 * database, a plain JDBC program doing the same reads and rows per command; and, first, the
 * ceiling: the same steps of the same requests to a bare Bolt app without a database ({@link
 * CeilingBolt}), what HTTP, signatures and Bolt leave of the machine before any database work.
 */
final class ThroughputBenchmark {

  static final String USAGE =
      """
      Usage: java -jar bench/target/tandem-bench.jar throughput [options]

      Steps the rate of signed /tandem log, /tandem status and button clicks to Tandem
      (`tandem run` in Slack HTTP mode, SQLite) and finds the highest rate whose p99 send-to-answer is under 1 s;
      compares it with a plain JDBC program writing the same rows per command, and with a bare
      Bolt app answering the same requests without a database (the ceiling). A warm-up step at
      half the first rate is not recorded; a rate misses when it misses twice in a row; while no
      rate misses, steps go on past the last one (each 1.5x, up to 3 more); after a miss, the gap
      is bisected. Each step shows the CPU cores the load generator and the server used.

        --people N          enrolled mentees                                  (default 1000)
        --signals N         signals in the history                            (default 1000000)
        --step-seconds N    how long each rate is held                        (default 10)
        --rates A,B,...     the rates tried, in order, commands a second
                            (default 25,50,100,200,300,400,600,800)
        --kinds K,...       log, status, click                                (default all three)
        --results DIR       where throughput.md and .json go                  (default bench/results)
        --postgres URL      run on PostgreSQL instead of a SQLite file: a fresh schema in the
                            database of URL (jdbc:postgresql://host/db?user=...), dropped after
        --instances N       Tandem instances sharing the database, each a `tandem run` process
                            with its own HTTP port, sent the commands in turn; more than one
                            needs --postgres                                  (default 1)
        --tandem-classpath  the jar the instances run                 (default app/target/tandem.jar)
        --bisect N          steps between the last rate that held and the first that missed,
                            each halving the gap                              (default 3)
        --ceiling on|off    first step a bare Bolt app (no database, in a JVM of its own) with the
                            same requests: what HTTP, signatures and Bolt leave (default on)

      """;

  /** The instances' configuration is {@link IntakeBenchmark#writeConfig}'s. */
  private static final String SIGNING_SECRET = IntakeBenchmark.SIGNING_SECRET;

  private static final String CEILING = "ceiling (bare Bolt, no database), ";
  private static final Duration BASELINE_LENGTH = Duration.ofSeconds(10);

  private ThroughputBenchmark() {}

  record Options(
      int people,
      int signals,
      int stepSeconds,
      List<Integer> rates,
      List<String> kinds,
      Path results,
      String postgres,
      int instances,
      String tandemClassPath,
      int bisections,
      boolean ceiling) {
    static Options parse(List<String> args) {
      int people = 1000;
      int signals = 1_000_000;
      int stepSeconds = 10;
      List<Integer> rates = List.of(25, 50, 100, 200, 300, 400, 600, 800);
      List<String> kinds = List.of("log", "status", "click");
      Path results = Path.of("bench", "results");
      String postgres = null;
      int instances = 1;
      String tandemClassPath = "app/target/tandem.jar";
      int bisections = 3;
      boolean ceiling = true;
      for (Map.Entry<String, String> option : BenchArgs.pairs(args).entrySet()) {
        String value = option.getValue();
        switch (option.getKey()) {
          case "--people" -> people = Integer.parseInt(value);
          case "--signals" -> signals = Integer.parseInt(value);
          case "--step-seconds" -> stepSeconds = Integer.parseInt(value);
          case "--rates" -> rates = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
          case "--kinds" -> kinds = List.of(value.split(","));
          case "--results" -> results = Path.of(value);
          case "--postgres" -> postgres = value;
          case "--instances" -> instances = Integer.parseInt(value);
          case "--tandem-classpath" -> tandemClassPath = value;
          case "--bisect" -> bisections = Integer.parseInt(value);
          case "--ceiling" -> ceiling = onOrOff(value);
          default -> throw new IllegalArgumentException("Unknown option " + option.getKey());
        }
      }
      if (people < 1 || stepSeconds < 1 || rates.isEmpty()) {
        throw new IllegalArgumentException("--people, --step-seconds and --rates must be >= 1");
      }
      if (postgres != null && !postgres.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("--postgres must be a jdbc:postgresql: URL");
      }
      if (instances < 1 || (instances > 1 && postgres == null)) {
        throw new IllegalArgumentException(
            "--instances must be >= 1, and more than one needs --postgres (one process per SQLite"
                + " file)");
      }
      return new Options(
          people,
          signals,
          stepSeconds,
          rates,
          kinds,
          results,
          postgres,
          instances,
          tandemClassPath,
          bisections,
          ceiling);
    }
  }

  private static boolean onOrOff(String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException("--ceiling takes on or off");
    };
  }

  static int main(List<String> args) {
    if (args.contains("--help") || args.contains("-h")) {
      System.out.println(USAGE);
      return 0;
    }
    return BenchArgs.main(args, Options::parse, USAGE, ThroughputBenchmark::run);
  }

  static void run(Options o, String commandLine) throws Exception {
    String loadAtStart = ResultFiles.loadNow();
    Path dir = Files.createTempDirectory("tandem-throughput");
    String schema = "tandem_throughput_" + System.currentTimeMillis();
    String dbUrl =
        o.postgres() == null
            ? "jdbc:sqlite:" + dir.resolve("tandem.db")
            : TandemInstances.createSchema(o.postgres(), schema);
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      run(o, dbUrl, dir, result);
    } finally {
      if (o.postgres() != null) {
        TandemInstances.dropSchema(o.postgres(), schema);
      }
    }
    write(o, commandLine, result, loadAtStart);
  }

  private static void run(Options o, String dbUrl, Path dir, Map<String, Object> result)
      throws Exception {
    try (SlackSimulator slack = SlackSimulator.start(IntakeBenchmark.BOT_TOKEN, "xapp-unused")) {
      long setup = System.nanoTime();
      List<SimulatedUser> people = IntakeBenchmark.enrol(slack, dbUrl, o.people());
      double baseline = baseline(o, slack, dbUrl, people, setup, result);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newCachedThreadPool(IntakeBenchmark.daemonThreads()))
              .connectTimeout(SignedSlashCommands.ACK_TIMEOUT)
              .build();
      Map<String, Integer> ceilings =
          o.ceiling() ? ceiling(o, http, slack, people, dir, baseline, result) : Map.of();

      List<ChildProcess> instances = new ArrayList<>();
      try {
        List<URI> eventsUrls = TandemInstances.start(o, slack, dbUrl, dir, instances);
        result.put(
            "Tandem instance 1: its database URL's settings",
            TandemInstances.databaseSettings(instances.get(0)));
        List<ProcessHandle> servers = instances.stream().map(i -> i.process.toHandle()).toList();
        for (String kind : o.kinds()) {
          SignedSlashCommands target = target(kind, http, eventsUrls, slack, people);
          int best = rates(o, kind, target, servers, baseline, result);
          if (ceilings.containsKey(kind)) {
            result.put(
                kind + ": ratio to the ceiling",
                ResultFiles.round3(best / (double) Math.max(1, ceilings.get(kind))));
          }
        }
        if (o.instances() > 1) {
          TandemInstances.sameRequestAtEveryInstance(
              target("log", http, eventsUrls, slack, people), dbUrl, result);
          result.put("Quartz instances checked in", TandemInstances.quartzInstances(dbUrl));
        }
        if (o.kinds().contains("log")) {
          // the same commands as before V14: "has this person opened the home" scans the log
          ThroughputData.dropActorIndex(dbUrl);
          SignedSlashCommands old = target("log", http, eventsUrls, slack, people);
          rates(o, "log without V14's signal index", old, servers, baseline, result);
        }
      } finally {
        for (ChildProcess instance : instances) {
          instance.close();
        }
      }
      TandemInstances.countErrorLines(instances, result);
    }
  }

  /** Fills the database and runs the JDBC baseline on it; returns its transactions a second. */
  private static double baseline(
      Options o,
      SlackSimulator slack,
      String dbUrl,
      List<SimulatedUser> people,
      long setup,
      Map<String, Object> result)
      throws Exception {
    double baseline;
    try (Database db =
        Database.open(DatabaseSettings.of(dbUrl, null, null, 2), Clock.systemUTC())) {
      ThroughputData.addSignals(db, o.signals());
      ThroughputData.settleWelcomes(db);
      System.out.printf("set up in %d s; JDBC baseline ...%n", secondsSince(setup));
      baseline =
          JdbcLogBaseline.run(
              db, slack.teamId(), people.stream().map(SimulatedUser::id).toList(), BASELINE_LENGTH);
      if (o.postgres() == null) {
        result.put("JDBC baseline: its connection's SQLite settings", ThroughputData.pragmas(db));
      }
    }
    result.put("people", o.people());
    result.put("signals", o.signals());
    result.put("Tandem instances", o.instances());
    result.put("JDBC baseline, transactions/s", ResultFiles.round(baseline));
    System.out.printf("JDBC baseline: %.1f transactions/s%n", baseline);
    return baseline;
  }

  /**
   * Steps {@code target}'s rate ({@link RateSteps}) with {@code servers} as the server side; puts
   * each step, the best rate and its ratio to the JDBC baseline in result; returns the best rate.
   */
  private static int rates(
      Options o,
      String label,
      SignedSlashCommands target,
      List<ProcessHandle> servers,
      double baseline,
      Map<String, Object> result)
      throws InterruptedException {
    RateSteps.Outcome out =
        RateSteps.run(label, target, o.rates(), o.stepSeconds(), o.bisections(), servers);
    for (RateSteps.Step s : out.steps()) {
      result.put(
          label
              + " at "
              + s.rate()
              + "/s"
              + (s.again() ? " (again)" : "")
              + ": p50 / p99 ms, CPU cores of generator / server",
          s.summary());
    }
    result.put(label + ": highest rate with p99 < 1 s, /s", out.best());
    if (out.stillBusy()) {
      result.put(
          label + ": steps stopped",
          "the server was still busy a minute after a missed step (its backlog)");
    }
    if (!out.missed()) {
      result.put(label + ": every rate tried held", "the limit is higher than " + out.best());
    }
    result.put(label + ": ratio to the JDBC baseline", ResultFiles.round3(out.best() / baseline));
    return out.best();
  }

  /**
   * The ceiling: the same steps of the same signed requests to a bare Bolt app ({@link
   * CeilingBolt}) in a JVM of its own; returns its best rate by kind.
   */
  private static Map<String, Integer> ceiling(
      Options o,
      HttpClient http,
      SlackSimulator slack,
      List<SimulatedUser> people,
      Path dir,
      double baseline,
      Map<String, Object> result)
      throws Exception {
    List<URI> url = new ArrayList<>();
    Map<String, Integer> best = new LinkedHashMap<>();
    try (ChildProcess bolt =
        CeilingBolt.start(IntakeBenchmark.BOT_TOKEN, slack.apiUrl(), SIGNING_SECRET, dir, url)) {
      for (String kind : o.kinds()) {
        SignedSlashCommands target = target(kind, http, url, slack, people);
        best.put(
            kind,
            rates(o, CEILING + kind, target, List.of(bolt.process.toHandle()), baseline, result));
      }
    }
    return best;
  }

  private static SignedSlashCommands target(
      String kind,
      HttpClient http,
      List<URI> urls,
      SlackSimulator slack,
      List<SimulatedUser> people) {
    String prefix = kind.substring(0, 2).toUpperCase() + System.nanoTime() % 1000 + "-";
    return switch (kind) {
      case "log" ->
          new SignedSlashCommands(
              http,
              urls,
              SIGNING_SECRET,
              slack,
              people,
              "/tandem log 45m " + prefix + SignedSlashCommands.NUMBER,
              prefix);
      case "status" ->
          new SignedSlashCommands(
              http, urls, SIGNING_SECRET, slack, people, "/tandem status", prefix);
      case "click" ->
          SignedSlashCommands.buttonClicks(
              http, urls, SIGNING_SECRET, slack, people, "log list", prefix);
      default -> throw new IllegalArgumentException("Unknown kind " + kind);
    };
  }

  private static long secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000_000L;
  }

  private static void write(
      Options o, String commandLine, Map<String, Object> result, String loadAtStart)
      throws java.io.IOException {
    ResultFiles.write(
        o.results(),
        "throughput",
        ThroughputText.HEADING,
        ThroughputText.method(o, loadAtStart),
        "goal_ratio_to_jdbc",
        0.5,
        result,
        ResultFiles.environment("throughput", commandLine));
  }
}
