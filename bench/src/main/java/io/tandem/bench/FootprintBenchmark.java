package io.tandem.bench;

import io.tandem.simulator.slack.SlackSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code footprint}: {@code tandem run} idle, in a JVM of its own with the launcher's options,
 * against the Slack simulator (HTTP mode), on an empty SQLite database and on one with 10 000
 * participants and 5 000 active pairs ({@link PoolData}). For each: start to ready (process start
 * to the first 200 from {@code /health/ready}), resident memory ({@code VmRSS}, and the peak {@code
 * VmHWM}) after an idle spell, then heap used and committed after a full GC ({@code jcmd GC.run},
 * {@code GC.heap_info}) and the RSS after it. The JVM's default sizing (no options) is measured the
 * same way as the baseline. Both sizes are measured again with the class-data archive the launcher
 * records on its first {@code tandem run} (recorded here the same way, on an empty database): the
 * start goals are judged on those, as every start after the first has it.
 *
 * <p>Run: {@code java -jar bench/target/tandem-bench.jar footprint [--people N] [--pairs N]
 * [--idle-seconds S] [--jvm-options "..."] [--tandem-classpath app/target/tandem.jar] [--out DIR]}.
 */
final class FootprintBenchmark {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

  private FootprintBenchmark() {}

  static final String USAGE =
      "Usage: java -jar bench/target/tandem-bench.jar footprint [--people N] [--pairs N]"
          + " [--idle-seconds S] [--jvm-options \"...\"] [--tandem-classpath"
          + " app/target/tandem.jar] [--out DIR]";

  static int main(List<String> args) throws Exception {
    return BenchArgs.withPairs(args, USAGE, o -> run(o, args));
  }

  private static int run(Map<String, String> o, List<String> args) throws Exception {
    int people = Integer.parseInt(o.getOrDefault("--people", "10000"));
    int pairs = Integer.parseInt(o.getOrDefault("--pairs", "5000"));
    int idleSeconds = Integer.parseInt(o.getOrDefault("--idle-seconds", "60"));
    String jvmOptions = o.getOrDefault("--jvm-options", ChildProcess.launcherJvmOptions());
    String classPath = o.getOrDefault("--tandem-classpath", "app/target/tandem.jar");
    Map<String, Object> result = new LinkedHashMap<>();
    boolean pass = true;
    try (SlackSimulator slack = SlackSimulator.start(IntakeBenchmark.BOT_TOKEN, "xapp-unused")) {
      Path full = Files.createTempDirectory("tandem-footprint-full");
      PoolData.generate("jdbc:sqlite:" + full.resolve("tandem.db"), people, pairs, new Random(5));
      String label = people + " people, " + pairs + " pairs";
      String withArchive = withArchive(slack, classPath, jvmOptions, result);
      for (String[] run :
          new String[][] {
            {"empty database", jvmOptions},
            {"empty database, class-data archive", withArchive},
            {label, jvmOptions},
            {label + ", class-data archive", withArchive},
            {label + ", JVM default sizing", ""}
          }) {
        Path dir =
            run[0].startsWith("empty") ? Files.createTempDirectory("tandem-footprint-empty") : full;
        long[] m = measure(slack, dir, classPath, run[1], idleSeconds);
        report(run[0], m, result);
        if (run[1].equals(withArchive)) {
          double limit = run[0].startsWith("empty") ? 3.0 : 5.0;
          pass &= m[0] / 1e9 < limit;
        }
        if (run[1].equals(jvmOptions) && !run[0].startsWith("empty")) {
          pass &= m[1] <= 300 * 1024;
        }
      }
    }
    result.put("verdict", pass ? "PASS" : "MISS");
    ResultFiles.write(
        Path.of(o.getOrDefault("--out", "bench/results")),
        "footprint",
        "# Footprint\n\nGoals: `tandem run` idle with "
            + label(people, pairs)
            + " at most 300 MB resident with the launcher's JVM options; start to"
            + " ready under 3 s on an empty database and under 5 s on that one.\n\n",
        "\n`tandem run` (Slack HTTP mode against the simulator, SQLite) in its own JVM, options `"
            + jvmOptions
            + "`; idle RSS is read "
            + idleSeconds
            + " s after ready. The last run uses the JVM's default heap sizing for comparison."
            + " The 2-core machine is shared: see the load average; start-to-ready is wall time"
            + " and suffers most from it, so the child's CPU time to ready is given beside it.\n\n",
        "goal idle RSS MiB",
        300,
        result,
        ResultFiles.environment("footprint", String.join(" ", args)));
    return pass ? 0 : 1;
  }

  private static String label(int people, int pairs) {
    return people + " participants and " + pairs + " active pairs";
  }

  private static void report(String run, long[] m, Map<String, Object> result) {
    String key = run + ": ";
    result.put(key + "start to ready (s)", ResultFiles.round3(m[0] / 1e9));
    result.put(key + "CPU to ready (s)", ResultFiles.round3(m[6] / 1e9));
    result.put(key + "idle RSS (MiB)", ResultFiles.round(m[1] / 1024.0));
    result.put(key + "peak RSS (MiB)", ResultFiles.round(m[2] / 1024.0));
    result.put(key + "heap used after full GC (MiB)", ResultFiles.round(m[3] / 1024.0));
    result.put(key + "heap committed after full GC (MiB)", ResultFiles.round(m[4] / 1024.0));
    result.put(key + "RSS after full GC (MiB)", ResultFiles.round(m[5] / 1024.0));
    System.out.printf(
        Locale.ROOT,
        "%s: ready in %.2f s (CPU %.2f s), idle RSS %.0f MiB (peak %.0f), after GC heap %.0f/%.0f"
            + " MiB, RSS %.0f MiB%n",
        run,
        m[0] / 1e9,
        m[6] / 1e9,
        m[1] / 1024.0,
        m[2] / 1024.0,
        m[3] / 1024.0,
        m[4] / 1024.0,
        m[5] / 1024.0);
  }

  /**
   * Records the launcher's class-data archive as its first {@code tandem run} does, and returns the
   * launcher's options with it.
   */
  private static String withArchive(
      SlackSimulator slack, String classPath, String jvmOptions, Map<String, Object> result)
      throws Exception {
    Path archive = recordArchive(slack, classPath, jvmOptions);
    result.put("class-data archive (MiB)", ResultFiles.round(Files.size(archive) / 1048576.0));
    return jvmOptions + " " + usingArchive(archive);
  }

  /**
   * The class-data archive the launcher's first {@code tandem run} records (on an empty database,
   * with {@code jvmOptions}, the run's), recorded the same way.
   */
  static Path recordArchive(SlackSimulator slack, String classPath, String jvmOptions)
      throws Exception {
    Path archive = Files.createTempDirectory("tandem-cds").resolve("tandem.jsa");
    record(
        slack,
        Files.createTempDirectory("tandem-cds-record"),
        classPath,
        jvmOptions,
        "-XX:ArchiveClassesAtExit=" + archive + " " + ChildProcess.launcherCdsOptions());
    return archive;
  }

  /** The options with which the launcher starts any command from the archive. */
  static String usingArchive(Path archive) throws IOException {
    return "-XX:SharedArchiveFile=" + archive + " " + ChildProcess.launcherCdsOptions();
  }

  /** Runs {@code tandem run} on an empty database until ready, then stops it and waits. */
  private static void record(
      SlackSimulator slack, Path dir, String classPath, String jvmOptions, String recordOptions)
      throws Exception {
    int port = IntakeBenchmark.freePort();
    Path config =
        IntakeBenchmark.writeConfig(dir, slack, "jdbc:sqlite:" + dir.resolve("tandem.db"), port);
    List<String> opts = Arrays.asList((jvmOptions + " " + recordOptions).strip().split("\\s+"));
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    try (ChildProcess child =
        ChildProcess.start(
            classPath, opts, dir.resolve("run.log"), "run", "--config", config.toString())) {
      child.awaitReady(ready, START_TIMEOUT);
      child.process.destroy();
      child.process.waitFor();
    }
  }

  /**
   * {start-to-ready nanos, idle RSS, peak RSS, heap used, heap committed, RSS after GC (KiB), CPU
   * nanos to ready}.
   */
  private static long[] measure(
      SlackSimulator slack, Path dir, String classPath, String jvmOptions, int idleSeconds)
      throws Exception {
    int port = IntakeBenchmark.freePort();
    Path config =
        IntakeBenchmark.writeConfig(dir, slack, "jdbc:sqlite:" + dir.resolve("tandem.db"), port);
    List<String> opts =
        jvmOptions.isBlank() ? List.of() : Arrays.asList(jvmOptions.strip().split("\\s+"));
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    try (ChildProcess child =
        ChildProcess.start(
            classPath, opts, dir.resolve("run.log"), "run", "--config", config.toString())) {
      long[] readyAt = child.awaitReady(ready, START_TIMEOUT);
      Thread.sleep(idleSeconds * 1000L);
      long rss = child.statusKib("VmRSS");
      long peak = child.statusKib("VmHWM");
      jcmd(child.process.pid(), "GC.run");
      String heap = jcmd(child.process.pid(), "GC.heap_info");
      long[] usedCommitted = heapKib(heap);
      long rssAfter = child.statusKib("VmRSS");
      return new long[] {
        readyAt[0], rss, peak, usedCommitted[0], usedCommitted[1], rssAfter, readyAt[1]
      };
    }
  }

  private static String jcmd(long pid, String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return output;
  }

  /**
   * Heap used and committed (KiB) from {@code GC.heap_info}: the first line that gives a total,
   * e.g. G1's {@code garbage-first heap total 65536K, used 30000K} or Serial's generations summed.
   */
  static long[] heapKib(String heapInfo) {
    Matcher g1 = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K").matcher(heapInfo);
    if (g1.find()) {
      return new long[] {Long.parseLong(g1.group(2)), Long.parseLong(g1.group(1))};
    }
    Matcher gen = Pattern.compile("generation\\s+total (\\d+)K, used (\\d+)K").matcher(heapInfo);
    long used = 0;
    long committed = 0;
    while (gen.find()) {
      committed += Long.parseLong(gen.group(1));
      used += Long.parseLong(gen.group(2));
    }
    return new long[] {used, committed};
  }
}
