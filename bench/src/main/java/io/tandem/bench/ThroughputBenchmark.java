package io.tandem.bench;

import io.tandem.app.Tandem;
import io.tandem.config.DatabaseConfig;
import io.tandem.config.DiscordConfig;
import io.tandem.config.HttpConfig;
import io.tandem.config.SlackConfig;
import io.tandem.config.TandemConfig;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.simulator.slack.ResponseMessage;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code throughput}: the highest sustained rate of {@code /tandem log}, of {@code /tandem status}
 * and of a button click (status's "My sessions") at which the p99 from the signed request's send to
 * the answer (in the acknowledgement, or at the {@code response_url}) stays under 1 s, against
 * Tandem (Slack HTTP mode, Bolt, in this JVM) on SQLite with many enrolled people and a long signal
 * history; and, in the same run on the same file settings, a plain JDBC program doing the same
 * reads and rows per command.
 */
final class ThroughputBenchmark {

  static final String USAGE =
      """
      Usage: java -jar bench/target/tandem-bench.jar throughput [options]

      Steps the rate of signed /tandem log, /tandem status and button clicks to Tandem
      (Slack HTTP mode, SQLite) and finds the highest rate whose p99 send-to-answer is under 1 s;
      compares it with a plain JDBC program writing the same rows per command.

        --people N          enrolled mentees                                  (default 1000)
        --signals N         signals in the history                            (default 1000000)
        --step-seconds N    how long each rate is held                        (default 10)
        --rates A,B,...     the rates tried, in order, commands a second
                            (default 25,50,100,200,300,400,600,800)
        --kinds K,...       log, status, click                                (default all three)
        --results DIR       where throughput.md and .json go                  (default bench/results)
        --postgres URL      run on PostgreSQL instead of a SQLite file: a fresh schema in the
                            database of URL (jdbc:postgresql://host/db?user=...), dropped after

      """;

  private static final String BOT_TOKEN = "xoxb-intake-bench";
  private static final String SIGNING_SECRET = "intake-bench-secret";
  private static final Duration P99_LIMIT = Duration.ofSeconds(1);
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
  private static final Duration BASELINE_LENGTH = Duration.ofSeconds(10);

  private ThroughputBenchmark() {}

  record Options(
      int people,
      int signals,
      int stepSeconds,
      List<Integer> rates,
      List<String> kinds,
      Path results,
      String postgres) {
    static Options parse(List<String> args) {
      int people = 1000;
      int signals = 1_000_000;
      int stepSeconds = 10;
      List<Integer> rates = List.of(25, 50, 100, 200, 300, 400, 600, 800);
      List<String> kinds = List.of("log", "status", "click");
      Path results = Path.of("bench", "results");
      String postgres = null;
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
          default -> throw new IllegalArgumentException("Unknown option " + option.getKey());
        }
      }
      if (people < 1 || stepSeconds < 1 || rates.isEmpty()) {
        throw new IllegalArgumentException("--people, --step-seconds and --rates must be >= 1");
      }
      if (postgres != null && !postgres.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("--postgres must be a jdbc:postgresql: URL");
      }
      return new Options(people, signals, stepSeconds, rates, kinds, results, postgres);
    }
  }

  static int main(List<String> args) {
    return BenchArgs.main(args, Options::parse, USAGE, ThroughputBenchmark::run);
  }

  static void run(Options o, String commandLine) throws Exception {
    String loadAtStart = ResultFiles.loadNow();
    Path dir = Files.createTempDirectory("tandem-throughput");
    String schema = "tandem_throughput_" + System.currentTimeMillis();
    String dbUrl =
        o.postgres() == null
            ? "jdbc:sqlite:" + dir.resolve("tandem.db")
            : createSchema(o.postgres(), schema);
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      run(o, dbUrl, result);
    } finally {
      if (o.postgres() != null) {
        dropSchema(o.postgres(), schema);
      }
    }
    write(o, commandLine, result, loadAtStart);
  }

  private static String createSchema(String url, String schema) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void dropSchema(String url, String schema) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void run(Options o, String dbUrl, Map<String, Object> result) throws Exception {
    try (SlackSimulator slack = SlackSimulator.start(BOT_TOKEN, "xapp-unused")) {
      long setup = System.nanoTime();
      List<SimulatedUser> people = IntakeBenchmark.enrol(slack, dbUrl, o.people());
      double baseline;
      try (Database db =
          Database.open(DatabaseSettings.of(dbUrl, null, null, 2), Clock.systemUTC())) {
        addSignals(db, o.signals());
        settleWelcomes(db);
        System.out.printf("set up in %d s; JDBC baseline ...%n", secondsSince(setup));
        baseline =
            JdbcLogBaseline.run(
                db,
                slack.teamId(),
                people.stream().map(SimulatedUser::id).toList(),
                BASELINE_LENGTH);
      }
      result.put("people", o.people());
      result.put("signals", o.signals());
      result.put("JDBC baseline, transactions/s", ResultFiles.round(baseline));
      System.out.printf("JDBC baseline: %.1f transactions/s%n", baseline);

      Tandem tandem = Tandem.start(config(slack, dbUrl), Clock.systemUTC());
      URI eventsUrl = URI.create(tandem.slack().orElseThrow().eventsUrl().orElseThrow());
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newCachedThreadPool(IntakeBenchmark.daemonThreads()))
              .connectTimeout(SignedSlashCommands.ACK_TIMEOUT)
              .build();
      try {
        for (String kind : o.kinds()) {
          rates(o, kind, target(kind, http, eventsUrl, slack, people), slack, baseline, result);
        }
        if (o.kinds().contains("log")) {
          // the same commands as before V14: "has this person opened the home" scans the log
          dropActorIndex(tandem.database());
          SignedSlashCommands old = target("log", http, eventsUrl, slack, people);
          rates(o, "log without V14's signal index", old, slack, baseline, result);
        }
      } finally {
        tandem.close();
      }
    }
  }

  /** Steps {@code target}'s rate up until a step misses; puts each step and the best in result. */
  private static void rates(
      Options o,
      String label,
      SignedSlashCommands target,
      SlackSimulator slack,
      double baseline,
      Map<String, Object> result)
      throws InterruptedException {
    step(target, slack, 20, 3); // warm-up
    int best = 0;
    for (int rate : o.rates()) {
      Step s = step(target, slack, rate, o.stepSeconds());
      System.out.printf(
          "%s at %d/s: %d sent, %d answered, p50 %.1f ms, p99 %.1f ms%n",
          label, rate, s.sent(), s.answered(), s.p50(), s.p99());
      result.put(
          label + " at " + rate + "/s: p50 / p99 ms",
          s.answered() < s.sent()
              ? "unanswered " + (s.sent() - s.answered())
              : s.p50() + " / " + s.p99());
      if (s.answered() < s.sent() || s.p99() >= P99_LIMIT.toMillis()) {
        break;
      }
      best = rate;
    }
    result.put(label + ": highest rate with p99 < 1 s, /s", best);
    result.put(label + ": ratio to the JDBC baseline", ResultFiles.round3(best / baseline));
  }

  /** The enrolment's welcome DMs count as sent: the run measures commands, not their delivery. */
  private static void settleWelcomes(Database db) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE outbox_message SET state = 'DELIVERED'");
    }
  }

  private static void dropActorIndex(Database db) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("DROP INDEX ix_signal_actor_type");
    }
  }

  private static SignedSlashCommands target(
      String kind, HttpClient http, URI url, SlackSimulator slack, List<SimulatedUser> people) {
    String prefix = kind.substring(0, 2).toUpperCase() + System.nanoTime() % 1000 + "-";
    return switch (kind) {
      case "log" ->
          new SignedSlashCommands(
              http,
              url,
              SIGNING_SECRET,
              slack,
              people,
              "/tandem log 45m bench-" + SignedSlashCommands.NUMBER,
              prefix);
      case "status" ->
          new SignedSlashCommands(
              http, url, SIGNING_SECRET, slack, people, "/tandem status", prefix);
      case "click" ->
          SignedSlashCommands.buttonClicks(
              http, url, SIGNING_SECRET, slack, people, "log list", prefix);
      default -> throw new IllegalArgumentException("Unknown kind " + kind);
    };
  }

  /** What one rate held for a while gave: counts and send-to-answer latencies. */
  private record Step(long sent, long answered, double p50, double p99) {}

  /** Sends at {@code rate} for {@code seconds}, then waits for the answers (up to a limit). */
  private static Step step(SignedSlashCommands target, SlackSimulator slack, int rate, int seconds)
      throws InterruptedException {
    long first = target.sent() + 1;
    ScheduledExecutorService pacer =
        Executors.newSingleThreadScheduledExecutor(IntakeBenchmark.daemonThreads());
    pacer.scheduleAtFixedRate(
        () -> target.send().exceptionally(e -> null), 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
    Thread.sleep(seconds * 1000L);
    pacer.shutdownNow();
    pacer.awaitTermination(5, TimeUnit.SECONDS);
    long last = target.sent();
    long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
    Map<String, Instant> answered = answers(target);
    while (System.nanoTime() < deadline && !allAnswered(answered, target, first, last)) {
      Thread.sleep(200);
      answered = answers(target);
    }
    Latencies latencies = new Latencies("step");
    long count = 0;
    for (long n = first; n <= last; n++) {
      String id = target.responseUrlPrefix() + n;
      Instant sentAt = target.sentAt().get(id);
      Instant at = answered.get(id);
      latencies.sent(true);
      if (at != null && sentAt != null) {
        latencies.answered(true, Duration.between(sentAt, at).toNanos());
        count++;
      }
    }
    Latencies.Summary s = latencies.summary();
    return new Step(last - first + 1, count, s.p50(), s.p99());
  }

  private static boolean allAnswered(
      Map<String, Instant> answered, SignedSlashCommands target, long first, long last) {
    for (long n = first; n <= last; n++) {
      if (!answered.containsKey(target.responseUrlPrefix() + n)) {
        return false;
      }
    }
    return true;
  }

  /** When each command's first answer arrived: at its response_url or in its acknowledgement. */
  private static Map<String, Instant> answers(SignedSlashCommands target) {
    Map<String, Instant> first = new HashMap<>();
    for (ResponseMessage r : target.answers()) {
      first.put(r.responseUrlId(), r.time());
    }
    return first;
  }

  /**
   * A history of {@code count} signals by the enrolled people, in one statement; none of them is a
   * {@code HOME_OPENED}, so a query for one that scans reads them all.
   */
  private static void addSignals(Database db, int count) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),"
                    + " m AS (SELECT MIN(id) AS lo, COUNT(*) AS k, MIN(workspace_id) AS w"
                    + " FROM member), p AS (SELECT MIN(id) AS id FROM program)"
                    + " INSERT INTO signal (id, workspace_id, type, actor_member_id, program_id,"
                    + " participant_id, pair_id, occurred_at, details)"
                    + " SELECT -i, m.w, CASE i % 4 WHEN 0 THEN 'SESSION_LOGGED'"
                    + " WHEN 1 THEN 'STATUS_VIEWED' WHEN 2 THEN 'REMINDER_SENT'"
                    + " ELSE 'FORM_OPENED' END, m.lo + i % m.k, p.id, NULL, NULL,"
                    + " 1767225600000 + i * 1000, '{}' FROM n, m, p")) {
      st.setInt(1, count);
      st.executeUpdate();
    }
  }

  /** Slack in HTTP mode through the simulator, on the benchmark's SQLite file. */
  private static TandemConfig config(SlackSimulator slack, String dbUrl) {
    return new TandemConfig(
        new DatabaseConfig(dbUrl, null, null, DatabaseConfig.DEFAULT_POOL_SIZE),
        new SlackConfig(
            SlackConfig.Mode.HTTP,
            slack.botToken(),
            null,
            SIGNING_SECRET,
            URI.create(slack.apiUrl()),
            List.of()),
        DiscordConfig.notConfigured(),
        new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0));
  }

  private static long secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000_000L;
  }

  private static void write(
      Options o, String commandLine, Map<String, Object> result, String loadAtStart)
      throws java.io.IOException {
    String heading =
        "# Throughput: commands at the speed of the database\n\n"
            + "Goal: for `log`, `status` and a button click, the highest rate with p99"
            + " send-to-answer under 1 s is at least 0.5x the plain JDBC program's transactions"
            + " a second (same rows per command, same SQLite file settings, same run).\n\n";
    String method =
        "\nTandem (`Tandem.start`, as `tandem run` starts it) in Slack HTTP mode on "
            + (o.postgres() == null ? "SQLite" : "PostgreSQL (one server, a fresh schema)")
            + ", "
            + o.people()
            + " enrolled mentees and "
            + o.signals()
            + " signals (none of them `HOME_OPENED`), takes signed requests from the load"
            + " generator (the same JVM, with the Slack simulator) at each rate for "
            + o.stepSeconds()
            + " s, the rates tried in order until one misses: p99 from send to the answer (the"
            + " acknowledgement's body when it carries one, as Slack shows it, else the"
            + " simulator's receipt of the `response_url` post) at or over 1 s, or an answer"
            + " missing 30 s"
            + " after the step. The baseline runs first, on the same database file through"
            + " the same pool settings: per transaction, the nine reads and three inserts of"
            + " one `log` (one session, one note, one signal), one thread. The JVM runs with"
            + " `-Dsun.net.httpserver.nodelay=true` (the JDK HTTP server, in the simulator and"
            + " in Tandem's Slack endpoint, otherwise holds small responses ~40 ms). Load"
            + " (/proc/loadavg) at start: "
            + loadAtStart
            + " (the machine is shared; read the ratios).\n\n";
    ResultFiles.write(
        o.results(),
        "throughput",
        heading,
        method,
        "goal_ratio_to_jdbc",
        0.5,
        result,
        ResultFiles.environment("throughput", commandLine));
  }
}
