package io.tandem.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Tandem command ({@code io.tandem.app.Main}), or another program, in a JVM of its own, from the
 * jar operators run ({@code app/target/tandem.jar}) with the JVM options under test; its output
 * goes to a file. Reads the child's resident memory from {@code /proc/PID/status} (Linux): {@code
 * VmRSS} now and {@code VmHWM}, the peak so far.
 */
final class ChildProcess implements AutoCloseable {
  final Process process;
  final Path log;
  final long startNanos;

  private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

  private ChildProcess(Process process, Path log, long startNanos) {
    this.process = process;
    this.log = log;
    this.startNanos = startNanos;
  }

  /**
   * The JVM options the {@code tandem} launcher gives {@code tandem run}: its {@code
   * jvm_options="..."} and {@code long_jvm_options="..."} lines, read from the script in the
   * working directory (the checkout's root).
   */
  static String launcherJvmOptions() throws IOException {
    return launcherVariable("jvm_options") + " " + launcherVariable("long_jvm_options");
  }

  /** The launcher's JVM options for a command that exits when done ({@code match --dry-run}). */
  static String launcherOneShotJvmOptions() throws IOException {
    return launcherVariable("jvm_options") + " " + launcherVariable("short_jvm_options");
  }

  /** The options the launcher adds to record or use its class-data archive quietly. */
  static String launcherCdsOptions() throws IOException {
    return launcherVariable("quiet_cds");
  }

  private static String launcherVariable(String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("tandem"))) {
      if (line.startsWith(name + "=\"")) {
        return line.substring(name.length() + 2, line.lastIndexOf('"'));
      }
    }
    throw new IllegalStateException("no " + name + " line in ./tandem");
  }

  static ChildProcess start(String classPath, List<String> jvmOptions, Path log, String... command)
      throws IOException {
    return start(classPath, "io.tandem.app.Main", jvmOptions, log, command);
  }

  /** A program other than Tandem ({@code mainClass} on {@code classPath}) in a JVM of its own. */
  static ChildProcess start(
      String classPath, String mainClass, List<String> jvmOptions, Path log, String... command)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(mainClass);
    cmd.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    long start = System.nanoTime();
    return new ChildProcess(builder.start(), log, start);
  }

  /** Kibibytes of a {@code /proc/PID/status} field such as {@code VmHWM}; -1 once it is gone. */
  long statusKib(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Waits for the child to end, sampling its peak resident memory every few milliseconds (the last
   * sample before exit is the peak up to then), and its CPU time likewise. Returns {exit code, wall
   * nanos, peak KiB, CPU nanos (user and system, up to the last sample)}.
   */
  long[] awaitWithPeak() throws InterruptedException {
    long peak = -1;
    long cpu = 0;
    while (process.isAlive()) {
      peak = Math.max(peak, statusKib("VmHWM"));
      cpu = process.info().totalCpuDuration().map(d -> d.toNanos()).orElse(cpu);
      Thread.sleep(5);
    }
    long wall = System.nanoTime() - startNanos;
    return new long[] {process.waitFor(), wall, peak, cpu};
  }

  /**
   * Polls {@code ready} (a {@code /health/ready} URL) until it answers 200: {wall nanos since the
   * start, the child's CPU nanos by then}.
   */
  long[] awaitReady(URI ready, Duration limit) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = startNanos + limit.toNanos();
    String last = "no answer";
    while (true) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "tandem run did not get ready (" + last + "):\n" + output());
      }
      try {
        HttpResponse<String> response =
            http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
        last = response.body();
        if (response.statusCode() == 200) {
          long cpu = process.info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
          return new long[] {System.nanoTime() - startNanos, cpu};
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(10);
    }
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  /** Stops the child as a service manager would (SIGTERM) and waits for it, killing it late. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
