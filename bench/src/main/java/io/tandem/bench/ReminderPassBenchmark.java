package io.tandem.bench;

import io.tandem.app.Tandem;
import io.tandem.config.ConfigLoader;
import io.tandem.config.TandemConfig;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.reminders.ReminderJob;
import io.tandem.core.reminders.ReminderSettings;
import io.tandem.core.reminders.RemindersFeature;
import io.tandem.core.store.Database;
import io.tandem.simulator.slack.SlackSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code reminder-pass}: the reminder job's pass ({@code ReminderJob.run}) over 500, 5 000 and 50
 * 000 active pairs on SQLite, with nothing due and with every pair due, inside a running Tandem
 * ({@link Tandem#start}) that answers {@code status} commands sent at a steady rate meanwhile. The
 * baseline, in the same run on an identical file: a plain JDBC pass that reads the same rows and
 * writes the same outbox rows and signals in transactions of the same size ({@link
 * ReminderPassData}).
 */
final class ReminderPassBenchmark {

  static final String USAGE =
      """
      Usage: java -jar bench/target/tandem-bench.jar reminder-pass [options]

      Runs the reminder job's pass over N active pairs on SQLite, nothing due and every pair due,
      while `status` commands are answered; the baseline is a plain JDBC pass doing the same reads
      and writes on an identical file.

        --pairs N,N,...  active pairs per size                           (default 500,5000,50000)
        --rate N         status commands a second during each pass       (default 10)
        --due-up-to N    run the every-pair-due passes only up to N pairs (default 50000)
        --results DIR    where reminder-pass.md and .json go              (default bench/results)
      """;

  static final double GOAL_SECONDS_AT_5000 = 1.0;
  private static final String BOT_TOKEN = "xoxb-reminder-pass";

  record Options(List<Integer> pairs, int rate, int dueUpTo, Path results) {
    static Options parse(List<String> args) {
      List<Integer> pairs = List.of(500, 5_000, 50_000);
      int rate = 10;
      int dueUpTo = 50_000;
      Path results = Path.of("bench", "results");
      for (Map.Entry<String, String> option : BenchArgs.pairs(args).entrySet()) {
        String value = option.getValue();
        switch (option.getKey()) {
          case "--pairs" ->
              pairs = java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
          case "--rate" -> rate = Integer.parseInt(value);
          case "--due-up-to" -> dueUpTo = Integer.parseInt(value);
          case "--results" -> results = Path.of(value);
          default -> throw new IllegalArgumentException("Unknown option " + option.getKey());
        }
      }
      return new Options(pairs, rate, dueUpTo, results);
    }
  }

  /** How many times each every-pair-due pass is timed, from the same due state each time. */
  static final int ALL_DUE_RUNS = 3;

  /**
   * The times of one every-pair-due pass run {@link #ALL_DUE_RUNS} times, in seconds: elapsed, and
   * the CPU time of the thread that ran it (the pass and SQLite's work run on it; on a loaded
   * machine this moves far less than the elapsed time).
   */
  record Runs(double[] seconds, double[] cpuSeconds) {
    static final Runs NOT_RUN = new Runs(new double[0], new double[0]);

    double median() {
      return at(seconds, seconds.length / 2);
    }

    double min() {
      return at(seconds, 0);
    }

    double max() {
      return at(seconds, seconds.length - 1);
    }

    double cpuMedian() {
      return at(cpuSeconds, cpuSeconds.length / 2);
    }

    private static double at(double[] values, int i) {
      if (values.length == 0) {
        return Double.NaN;
      }
      double[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      return sorted[i];
    }
  }

  /** One size's numbers. */
  record Size(
      int pairs,
      double nothingDueSeconds,
      Runs allDueRuns,
      int queued,
      double secondDueSeconds,
      double jdbcNothingDueSeconds,
      Runs jdbcAllDueRuns,
      Latencies.Summary idle,
      Latencies.Summary nothingDue,
      Latencies.Summary allDue) {}

  private ReminderPassBenchmark() {}

  static int main(List<String> args) {
    return BenchArgs.main(args, Options::parse, USAGE, ReminderPassBenchmark::run);
  }

  static void run(Options o, String commandLine) throws Exception {
    List<Size> sizes = new ArrayList<>();
    try (SlackSimulator slack = SlackSimulator.start(BOT_TOKEN, "xapp-unused")) {
      for (int pairs : o.pairs()) {
        Size size = size(slack, pairs, o.rate(), pairs <= o.dueUpTo());
        sizes.add(size);
        System.out.printf(
            Locale.ROOT,
            "%,d pairs: nothing due %.3f s (JDBC %.3f s), all due median %.3f s of %.3f–%.3f s"
                + " (JDBC %.3f s, %,d queued); status p99 idle %.1f ms, during the passes %.1f ms"
                + " (max %.1f ms)%n",
            pairs,
            size.nothingDueSeconds(),
            size.jdbcNothingDueSeconds(),
            size.allDueRuns().median(),
            size.allDueRuns().min(),
            size.allDueRuns().max(),
            size.jdbcAllDueRuns().median(),
            size.queued(),
            size.idle().p99(),
            Math.max(size.nothingDue().p99(), size.allDue().p99()),
            Math.max(size.nothingDue().max(), size.allDue().max()));
      }
    }
    ReminderPassResults.write(o, sizes, ResultFiles.environment("reminder-pass", commandLine));
  }

  private static Size size(SlackSimulator slack, int pairs, int rate, boolean due)
      throws Exception {
    Path dir = Files.createTempDirectory("tandem-reminder-pass");
    String url = "jdbc:sqlite:" + dir.resolve("tandem.db");
    Alone alone = passAlone(url, pairs, due);
    Latencies idle = new Latencies("status, no pass");
    Latencies duringNothing = new Latencies("status, during nothing-due passes");
    Latencies duringAll = new Latencies("status, during the every-pair-due pass");
    int queued;
    double secondDue;
    try (Tandem tandem = Tandem.start(config(dir, url, slack.apiUrl()), Clock.systemUTC())) {
      try (StatusLoad load = new StatusLoad(tandem, pairs, rate)) {
        // in a running Tandem: status alone, then during passes (three with nothing due, one
        // with every pair due again) while the outbox dispatcher delivers what they queue
        load.measure(new Latencies("warm-up"), () -> TimeUnit.SECONDS.sleep(3));
        load.measure(idle, () -> TimeUnit.SECONDS.sleep(5));
        load.measure(
            duringNothing,
            () -> {
              for (int i = 0; i < 3; i++) {
                tandem.reminderJob().run(ReminderPassData.NOTHING_DUE);
              }
            });
        long[] second = new long[1];
        load.measure(
            duringAll,
            () -> {
              if (due) {
                second[0] = time(() -> tandem.reminderJob().run(ReminderPassData.SECOND_DUE));
              }
            });
        secondDue = due ? second[0] / 1e9 : Double.NaN;
      }
      queued = (int) count(tandem.database(), "SELECT COUNT(*) FROM outbox_message");
    }
    Alone baseline = baseline(dir, url, pairs, due);
    deleteAll(dir);
    return new Size(
        pairs,
        alone.nothingDue(),
        alone.allDue(),
        queued,
        secondDue,
        baseline.nothingDue(),
        baseline.allDue(),
        idle.summary(),
        duringNothing.summary(),
        duringAll.summary());
  }

  /** A pass timed with nothing else at work: nothing due, and every pair due. */
  private record Alone(double nothingDue, Runs allDue) {}

  /**
   * The pass alone, as the baseline runs: nothing due (fastest of three after a warm-up), then
   * every pair due {@link #ALL_DUE_RUNS} times, what the pass wrote undone between runs.
   */
  private static Alone passAlone(String url, int pairs, boolean due) throws Exception {
    try (Database db = Database.open(url, null, null, 2, Clock.systemUTC())) {
      ReminderPassData.seed(db, pairs);
      ReminderJob job =
          RemindersFeature.of(db, Clock.systemUTC(), ReminderSettings.defaults()).job();
      job.run(ReminderPassData.NOTHING_DUE);
      long nothing = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        nothing = Math.min(nothing, time(() -> job.run(ReminderPassData.NOTHING_DUE)));
      }
      return new Alone(
          nothing / 1e9, due ? allDue(db, () -> job.run(ReminderPassData.ALL_DUE)) : Runs.NOT_RUN);
    }
  }

  /** The plain JDBC pass on an identical file, timed as {@link #passAlone} times the pass. */
  private static Alone baseline(Path dir, String url, int pairs, boolean due) throws Exception {
    String payload = "x".repeat((int) averagePayload(url));
    String baselineUrl = "jdbc:sqlite:" + dir.resolve("baseline.db");
    try (Database baseline = Database.open(baselineUrl, null, null, 2, Clock.systemUTC())) {
      ReminderPassData.seed(baseline, pairs);
      ReminderPassData.jdbcPass(baseline, ReminderPassData.NOTHING_DUE, payload);
      long nothing =
          time(() -> ReminderPassData.jdbcPass(baseline, ReminderPassData.NOTHING_DUE, payload));
      Runs all =
          due
              ? allDue(
                  baseline,
                  () -> ReminderPassData.jdbcPass(baseline, ReminderPassData.ALL_DUE, payload))
              : Runs.NOT_RUN;
      return new Alone(nothing / 1e9, all);
    }
  }

  /**
   * An every-pair-due pass timed {@link #ALL_DUE_RUNS} times, each from the state it starts in:
   * what it wrote is undone between runs ({@link ReminderPassData#undoPass}), not after the last.
   */
  private static Runs allDue(Database db, Work pass) throws Exception {
    double[] seconds = new double[ALL_DUE_RUNS];
    double[] cpu = new double[ALL_DUE_RUNS];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < ALL_DUE_RUNS; i++) {
      if (i > 0) {
        ReminderPassData.undoPass(db);
      }
      long cpuStart = threads.getCurrentThreadCpuTime();
      seconds[i] = time(pass) / 1e9;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    }
    return new Runs(seconds, cpu);
  }

  interface Work {
    void run() throws Exception;
  }

  private static long time(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  /**
   * {@code status} from random participants at a steady rate through Tandem's command dispatcher,
   * on four threads (as many as the intake's workers), timed from when each was due to be sent (so
   * a stalled answer also delays the ones behind it, as it would for people).
   */
  private static final class StatusLoad implements AutoCloseable {
    private final Tandem tandem;
    private final int pairs;
    private final long periodNanos;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final Random random = new Random(7);

    StatusLoad(Tandem tandem, int pairs, int rate) {
      this.tandem = tandem;
      this.pairs = pairs;
      this.periodNanos = 1_000_000_000L / rate;
    }

    void measure(Latencies latencies, Work work) throws Exception {
      long start = System.nanoTime();
      AtomicLong sent = new AtomicLong();
      var ticks =
          clock.scheduleAtFixedRate(
              () -> send(latencies, start + sent.getAndIncrement() * periodNanos),
              0,
              periodNanos,
              TimeUnit.NANOSECONDS);
      try {
        work.run();
      } finally {
        ticks.cancel(false);
      }
    }

    private void send(Latencies latencies, long due) {
      String user = "U" + (1 + random.nextInt(2 * pairs));
      Actor actor = new Actor(Platform.SLACK, "T_BENCH", user, "Person", "UTC", false);
      latencies.sent(true);
      workers.execute(
          () -> {
            try {
              tandem.commands().handle(new Invocation(actor, "D1", "status"));
              latencies.answered(true, System.nanoTime() - due);
            } catch (RuntimeException e) {
              latencies.failed(true, e);
            }
          });
    }

    @Override
    public void close() throws InterruptedException {
      clock.shutdownNow();
      workers.shutdown();
      workers.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  private static TandemConfig config(Path dir, String dbUrl, String apiUrl) throws Exception {
    Path yml =
        Files.writeString(
            dir.resolve("tandem.yml"),
            """
            database:
              url: %s
            slack:
              mode: http
              bot-token: %s
              signing-secret: reminder-pass-secret
              api-url: %s
            http:
              port: 0
            reminders:
              interval: 24h
            scheduler:
              instance-id: reminder-pass
            """
                .formatted(dbUrl, BOT_TOKEN, apiUrl));
    return ConfigLoader.load(yml, dir, Map.of());
  }

  private static long count(Database db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static double averagePayload(String url) throws Exception {
    try (Database db = Database.open(url, null, null, 1, Clock.systemUTC())) {
      return Math.max(
          1,
          count(
              db, "SELECT CAST(COALESCE(AVG(LENGTH(payload)), 1) AS INTEGER) FROM outbox_message"));
    }
  }

  private static void deleteAll(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
