package io.tandem.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The result files of a benchmark that measures one table of numbers ({@code fan-out}, {@code
 * report}): {@code <benchmark>.md} with the goal, the environment, the method and a table, and
 * {@code <benchmark>.json} with the same numbers.
 */
final class ResultFiles {
  private static volatile String loadAtStart = "not recorded";

  private ResultFiles() {}

  /** Called first in {@link Main}: the machine's load before the benchmark adds its own. */
  static void recordLoadAtStart() {
    loadAtStart = loadNow();
  }

  /**
   * The machine's load before and after the run, as {@code /proc/loadavg} gives it (1, 5 and 15
   * minute averages, runnable/all threads): the machine is shared, so every result states it.
   */
  static void putLoad(Map<String, String> env) {
    env.put("load (/proc/loadavg: 1, 5, 15 min, runnable/threads) at start", loadAtStart);
    env.put("load at end", loadNow());
  }

  /** {@link #putLoad} in one line, for results written as prose. */
  static String loadSummary() {
    return "load (/proc/loadavg) at start " + loadAtStart + ", at end " + loadNow();
  }

  /** {@code /proc/loadavg}'s first four fields now. */
  static String loadNow() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return String.join(" ", java.util.Arrays.copyOf(fields, Math.min(4, fields.length)));
    } catch (IOException | RuntimeException e) {
      double oneMinute = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return String.format(Locale.ROOT, "%.2f (1 min; no /proc/loadavg)", oneMinute);
    }
  }

  /** The machine and JVM the run happened on, and the command that repeats it. */
  static Map<String, String> environment(String benchmark, String commandLine) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    env.put(
        "jvm",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    env.put("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    putLoad(env);
    env.put(
        "command",
        "java -jar bench/target/tandem-bench.jar "
            + benchmark
            + (commandLine.isBlank() ? "" : " " + commandLine));
    return env;
  }

  /**
   * Writes {@code <benchmark>.md} and {@code <benchmark>.json} into {@code dir}.
   *
   * @param benchmark the subcommand, which also names the files and the JSON {@code benchmark}
   * @param heading the Markdown title and goal, up to the environment list
   * @param method the Markdown method paragraph(s), between the environment and the table
   * @param goalKey the JSON property that carries the goal
   * @param goal the goal's number
   */
  static void write(
      Path dir,
      String benchmark,
      String heading,
      String method,
      String goalKey,
      double goal,
      Map<String, Object> result,
      Map<String, String> env)
      throws IOException {
    Files.createDirectories(dir);
    StringBuilder md = new StringBuilder(heading);
    env.forEach((k, v) -> md.append("- ").append(k).append(": `").append(v).append("`\n"));
    md.append(method);
    md.append("| measure | value |\n|---|---:|\n");
    result.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    Files.writeString(dir.resolve(benchmark + ".md"), md.toString(), StandardCharsets.UTF_8);

    JsonObject root = new JsonObject();
    root.addProperty("benchmark", benchmark);
    JsonObject envJson = new JsonObject();
    env.forEach(envJson::addProperty);
    root.add("environment", envJson);
    root.addProperty(goalKey, goal);
    JsonObject res = new JsonObject();
    result.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            res.addProperty(k, n);
          } else {
            res.addProperty(k, String.valueOf(v));
          }
        });
    root.add("results", res);
    Files.writeString(
        dir.resolve(benchmark + ".json"),
        new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n",
        StandardCharsets.UTF_8);
    System.out.println("wrote " + dir.resolve(benchmark + ".md") + " and " + benchmark + ".json");
  }

  /** Rounded to one decimal, for the tables. */
  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Rounded to three decimals, for the tables. */
  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
