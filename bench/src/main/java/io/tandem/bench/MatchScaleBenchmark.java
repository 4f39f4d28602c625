package io.tandem.bench;

import io.tandem.core.kernel.Progress;
import io.tandem.core.matching.DryRunMatch;
import io.tandem.core.matching.MatchPool;
import io.tandem.core.matching.PreviewMatch;
import io.tandem.core.matching.model.AssignmentSolver;
import io.tandem.core.matching.model.Candidate;
import io.tandem.core.matching.model.MatchSettings;
import io.tandem.core.matching.model.Matcher;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.simulator.slack.SlackSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code match-scale}: matching 10 000 people end to end against the solve alone. A SQLite database
 * with 10 000 unpaired people with complete profiles ({@link PoolData}); then
 *
 * <ol>
 *   <li>{@code tandem match --dry-run} as its own process with the launcher's JVM options: wall
 *       time from start to exit (JVM start, config, database, load, rules, solve, printing every
 *       pair) and peak resident memory ({@code VmHWM}); without a class-data archive, with the one
 *       the launcher's first {@code tandem run} records, recording the command's own (as the
 *       launcher's first dry run after a build does) and with that one, as every later dry run has
 *       it: the goals are judged on the last;
 *   <li>in this JVM, warmed up, the median of several runs of: {@code /tandem match preview} as an
 *       admin (load, rules, solve, storing the proposal, rendering the reply); the solve alone
 *       ({@link AssignmentSolver} on the score table {@link Matcher} optimises, as it is built for
 *       it); the score table alone.
 * </ol>
 *
 * <p>Run: {@code java -jar bench/target/tandem-bench.jar match-scale [--people N] [--runs K] [--out
 * DIR] [--jvm-options "..."] [--run-jvm-options "..."] [--tandem-classpath app/target/tandem.jar]};
 * {@code --jvm-options} are the dry run's, {@code --run-jvm-options} those of the {@code tandem
 * run} that records the archive.
 */
final class MatchScaleBenchmark {

  static final String USAGE =
      "Usage: java -jar bench/target/tandem-bench.jar match-scale [--people N] [--runs K]"
          + " [--out DIR] [--jvm-options \"...\"] [--run-jvm-options \"...\"]"
          + " [--tandem-classpath app/target/tandem.jar]";

  private MatchScaleBenchmark() {}

  static int main(List<String> args) throws Exception {
    return BenchArgs.withPairs(args, USAGE, o -> run(o, args));
  }

  private static int run(Map<String, String> o, List<String> args) throws Exception {
    int people = Integer.parseInt(o.getOrDefault("--people", "10000"));
    int runs = Integer.parseInt(o.getOrDefault("--runs", "3"));
    Path out = Path.of(o.getOrDefault("--out", "bench/results"));
    String jvmOptions = o.getOrDefault("--jvm-options", ChildProcess.launcherOneShotJvmOptions());
    String runJvmOptions = o.getOrDefault("--run-jvm-options", ChildProcess.launcherJvmOptions());
    String classPath = o.getOrDefault("--tandem-classpath", "app/target/tandem.jar");
    Path dir = Files.createTempDirectory("tandem-match-scale");
    String url = "jdbc:sqlite:" + dir.resolve("tandem.db");
    PoolData.generate(url, people, 0, new Random(11));
    Path config = dir.resolve("tandem.yml");
    Files.writeString(config, "database:\n  url: \"" + url + "\"\n", StandardCharsets.UTF_8);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("people", people);
    long[] ownCli = dryRuns(classPath, jvmOptions, runJvmOptions, dir, result);
    double cliSeconds = ownCli[1] / 1e9;
    double peakMib = ownCli[2] / 1024.0;

    double previewRatio = inProcess(url, runs, result);
    boolean pass = previewRatio <= 2.0 && peakMib < 1024 && cliSeconds < 3.0 && ownCli[0] == 0;
    result.put("verdict", pass ? "PASS" : "MISS");
    ResultFiles.write(
        out,
        "match-scale",
        "# Matching 10 000 people\n\nGoals: `/tandem match preview` end to end (load, rules,"
            + " solve, store, render) at most 2x the solve itself; `tandem match --dry-run` under"
            + " 1 GiB resident and under 3 s end to end.\n\n",
        "\n"
            + people
            + " active people with complete profiles, half mentors (bands 1-3, capacity 1), half"
            + " mentees (bands 4-6), managers shared by about ten, random skills, departments,"
            + " zones, hours; no pairs yet, so all are in the pool. The dry run is `tandem match"
            + " --dry-run` in a fresh JVM with the launcher's options (`"
            + jvmOptions
            + "`): without a class-data archive; with the one of a first `tandem run` (`"
            + runJvmOptions
            + "`); recording its own, as the launcher's first dry run after a build does; and"
            + " with that one, as every later dry run has it, the goals on the last: wall time to"
            + " exit, peak RSS from /proc (VmHWM, sampled every 5 ms). In-process"
            + " figures are medians of "
            + runs
            + " warm runs in the benchmark's own JVM; CPU is the calling thread's, and a big score"
            + " table fills half its rows on another, so the preview must be within 2x of the"
            + " solve in wall time too. The 2-core machine is shared: see the load"
            + " average.\n\n",
        "goal preview/solve (CPU and wall)",
        2.0,
        result,
        ResultFiles.environment("match-scale", String.join(" ", args)));
    return pass ? 0 : 1;
  }

  /**
   * The dry run without a class-data archive, with run's, recording its own (as the launcher's
   * first dry run after a build does) and with that one, as every later dry run has it: puts each
   * in {@code result} and returns the last.
   */
  private static long[] dryRuns(
      String classPath,
      String jvmOptions,
      String runJvmOptions,
      Path dir,
      Map<String, Object> result)
      throws Exception {
    Path config = dir.resolve("tandem.yml");
    long[] cold = dryRunCli(classPath, jvmOptions, config, dir);
    report("dry run, own process, no class-data archive", cold, result);
    Path archive;
    try (SlackSimulator slack = SlackSimulator.start(IntakeBenchmark.BOT_TOKEN, "xapp-unused")) {
      archive = FootprintBenchmark.recordArchive(slack, classPath, runJvmOptions);
    }
    long[] cli =
        dryRunCli(
            classPath, jvmOptions + " " + FootprintBenchmark.usingArchive(archive), config, dir);
    report("dry run, own process, run's class-data archive", cli, result);
    Path own = Files.createTempDirectory("tandem-cds-match").resolve("tandem-match.jsa");
    String recordOwn = " -XX:ArchiveClassesAtExit=" + own + " " + ChildProcess.launcherCdsOptions();
    long[] recording = dryRunCli(classPath, jvmOptions + recordOwn, config, dir);
    report("dry run, own process, recording its own class-data archive", recording, result);
    long[] ownCli =
        dryRunCli(classPath, jvmOptions + " " + FootprintBenchmark.usingArchive(own), config, dir);
    report("dry run, own process, its own class-data archive", ownCli, result);
    return ownCli;
  }

  private static void report(String run, long[] cli, Map<String, Object> result) {
    result.put(run + ": wall (s)", ResultFiles.round3(cli[1] / 1e9));
    result.put(run + ": CPU (s)", ResultFiles.round3(cli[3] / 1e9));
    result.put(run + ": peak RSS (MiB)", ResultFiles.round(cli[2] / 1024.0));
  }

  private static long[] dryRunCli(String classPath, String jvmOptions, Path config, Path dir)
      throws Exception {
    List<String> opts =
        jvmOptions.isBlank() ? List.of() : Arrays.asList(jvmOptions.strip().split("\\s+"));
    try (ChildProcess child =
        ChildProcess.start(
            classPath,
            opts,
            dir.resolve("dry-run.log"),
            "match",
            "--config",
            dir.resolve("tandem.yml").toString(),
            "--program",
            PoolData.PROGRAM,
            "--dry-run")) {
      long[] r = child.awaitWithPeak();
      String output = child.output();
      if (r[0] != 0) {
        throw new IllegalStateException("tandem match --dry-run failed:\n" + output);
      }
      System.out.printf(
          Locale.ROOT,
          "dry run (own JVM): %.2f s (CPU %.2f s), peak RSS %.0f MiB, %s%n",
          r[1] / 1e9,
          r[3] / 1e9,
          r[2] / 1024.0,
          output.lines().filter(l -> l.startsWith("Total:")).findFirst().orElse("?"));
      return r;
    }
  }

  /**
   * Puts the in-process figures in {@code result}; returns the preview's ratio to the solve, the
   * higher of CPU and wall.
   */
  private static double inProcess(String url, int runs, Map<String, Object> result)
      throws Exception {
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(DatabaseSettings.of(url, null, null, 2), clock)) {
      PreviewMatch matching = new PreviewMatch(db, clock);
      ProgramLookup.Target target =
          new ProgramLookup.Target(Platform.SLACK, null, PoolData.PROGRAM);
      Read read =
          db.transaction(
              store -> {
                Program program = ProgramLookup.find(store, target).program();
                return new Read(MatchPool.of(store, program), MatchPool.settings(program));
              });
      List<Candidate> mentors = read.pool().mentors();
      List<Candidate> mentees = read.pool().mentees();
      DryRunMatch.Result dry = new DryRunMatch(db, clock).dryRun(target, Progress.NONE);
      Actor admin = new Actor(Platform.SLACK, "T_BENCH", "U1", "Admin", "UTC", true, null);
      long[][] wall = new long[3][runs];
      long[][] cpu = new long[3][runs];
      long optimum = 0;
      for (int k = -1; k < runs; k++) {
        optimum =
            once(
                matching,
                admin,
                read,
                clock,
                k < 0 ? null : new long[][] {wall[0], cpu[0], wall[1], cpu[1], wall[2], cpu[2]},
                k);
      }
      String[] names = {"preview end to end", "score table alone", "solve alone"};
      for (int p = 0; p < 3; p++) {
        result.put(names[p] + " (ms, median)", ResultFiles.round(median(wall[p]) / 1e6));
        result.put(names[p] + " (CPU ms, median)", ResultFiles.round(median(cpu[p]) / 1e6));
      }
      double previewMs = median(cpu[0]) / 1e6;
      double solveMs = median(cpu[2]) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "in process (CPU): preview %.0f ms, score table %.0f ms, solve %.0f ms (optimum %d ="
              + " %d)%n",
          previewMs,
          median(cpu[1]) / 1e6,
          solveMs,
          optimum,
          Math.round(dry.result().totalScore() * 1000));
      if (optimum != Math.round(dry.result().totalScore() * 1000)) {
        throw new IllegalStateException("the solve alone found another optimum");
      }
      result.put("mentors x mentees", mentors.size() + " x " + mentees.size());
      result.put("pairs proposed", dry.result().pairs().size());
      double wallRatio = median(wall[0]) / median(wall[2]);
      result.put("preview end to end / solve (CPU)", ResultFiles.round3(previewMs / solveMs));
      result.put("preview end to end / solve (wall)", ResultFiles.round3(wallRatio));
      return Math.max(previewMs / solveMs, wallRatio);
    }
  }

  /**
   * One preview, one score table, one solve; their wall and CPU times go to {@code into} (wall and
   * CPU of each in turn) at {@code k} unless it is null (warm-up). Returns the optimum.
   */
  private static long once(
      PreviewMatch matching, Actor admin, Read read, Clock clock, long[][] into, int k) {
    long[] w = new long[3];
    long[] c = new long[3];
    Stopwatch clockwork = new Stopwatch();
    Reply reply = matching.preview(admin, PoolData.PROGRAM);
    clockwork.lap(w, c, 0);
    if (reply.text().isEmpty()) {
      throw new IllegalStateException("empty preview");
    }
    long[][] scores =
        Matcher.scoreTable(
            read.pool().mentors(), read.pool().mentees(), read.settings(), clock.instant());
    clockwork.lap(w, c, 1);
    for (long[] row : scores) {
      for (int j = 0; j < row.length; j++) {
        row[j] = row[j] == AssignmentSolver.FORBIDDEN ? row[j] : -row[j];
      }
    }
    clockwork = new Stopwatch();
    long optimum = -AssignmentSolver.minimumCost(scores).totalCost();
    clockwork.lap(w, c, 2);
    for (int p = 0; into != null && p < 3; p++) {
      into[2 * p][k] = w[p];
      into[2 * p + 1][k] = c[p];
    }
    return optimum;
  }

  /** The pool as the preview reads it, and the program's settings. */
  private record Read(MatchPool pool, MatchSettings settings) {}

  /** Wall and this thread's CPU time since the last lap. */
  private static final class Stopwatch {
    private static final java.lang.management.ThreadMXBean THREADS =
        java.lang.management.ManagementFactory.getThreadMXBean();
    private long wall = System.nanoTime();
    private long cpu = THREADS.getCurrentThreadCpuTime();

    void lap(long[] walls, long[] cpus, int at) {
      long w = System.nanoTime();
      long c = THREADS.getCurrentThreadCpuTime();
      walls[at] = w - wall;
      cpus[at] = c - cpu;
      wall = w;
      cpu = c;
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
