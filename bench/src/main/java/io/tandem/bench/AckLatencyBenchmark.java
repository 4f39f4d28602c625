package io.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How quickly Tandem acknowledges {@code /tandem log 45m Instagram reels}, compared with a bare bot
 * that only acks, on Slack (HTTP events) and Discord (interactions). The goal: Tandem's p99
 * at most 1.2 times the baseline's. Prints a table and writes {@code ack-latency.md} and {@code
 * ack-latency.json}; a missed goal is reported, not an error.
 *
 * <p>Everything runs in this JVM: the simulators, Tandem (on a fresh SQLite file in a temporary
 * directory), the baseline and the load generator, so the numbers describe the ack path under CPU
 * contention from all of them, equally for both sides.
 */
final class AckLatencyBenchmark {

  private AckLatencyBenchmark() {}

  /** Runs the chosen platforms; 0 when the runs completed (goal met or not), 1 when one failed. */
  static int run(AckLatencyOptions options, String commandLine) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("tandem-bench-");
    } catch (IOException e) {
      System.err.println("Cannot create a temporary directory: " + e.getMessage());
      return 1;
    }
    double loadAtStart = Report.loadAverage();
    List<PartResult> parts = new ArrayList<>();
    int status = 0;
    try {
      if (options.runs(AckLatencyOptions.Platform.SLACK)) {
        parts.add(SlackAckBenchmark.run(options, workDir));
      }
      if (options.runs(AckLatencyOptions.Platform.DISCORD)) {
        parts.add(DiscordAckBenchmark.run(options, workDir));
      }
    } catch (Exception e) {
      System.err.println("The benchmark run failed: " + e);
      e.printStackTrace();
      status = 1;
    } finally {
      deleteQuietly(workDir);
    }
    if (parts.isEmpty()) {
      return 1;
    }
    Report report = Report.of(parts, commandLine, loadAtStart);
    System.out.println();
    System.out.println(report.text());
    try {
      Path md = report.writeMarkdown(options.resultsDir());
      Path json = report.writeJson(options.resultsDir());
      System.out.println("Wrote " + md + " and " + json);
    } catch (IOException e) {
      System.err.println("Cannot write the results: " + e.getMessage());
      status = 1;
    }
    return status;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
