package io.tandem.bench;

import io.tandem.simulator.http.LoopbackHttpServer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' command line: {@code java -jar bench/target/tandem-bench.jar
 * [ack-latency|matching|matching-scipy|match-scale|footprint|report|fan-out|intake|throughput|reminder-pass]
 * [options]}. Runs on demand only; nothing here is part of {@code ./mvnw verify}.
 *
 * <p>Logging is set to {@code warn} before any logger exists, so the libraries under test (Bolt,
 * JDA, EclipseLink, the simulators) stay quiet; pass {@code
 * -Dorg.slf4j.simpleLogger.defaultLogLevel=info} to see them.
 */
public final class Main {

  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final String TANDEM_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.tandem";

  /** A benchmark: takes the options after its name and returns the exit status. */
  private interface Benchmark {
    int run(List<String> options) throws Exception;
  }

  /** Every benchmark but the default {@code ack-latency} and {@code matching}, by name. */
  private static final Map<String, Benchmark> BENCHMARKS =
      Map.of(
          "report", ReportBenchmark::main,
          "ack-side", AckSide::main,
          "intake", IntakeBenchmark::main,
          "throughput", ThroughputBenchmark::main,
          "matching-scipy", ScipyMatchingBenchmark::main,
          "footprint", FootprintBenchmark::main,
          "match-scale", MatchScaleBenchmark::main,
          "fan-out", FanOutBenchmark::main,
          "reminder-pass", ReminderPassBenchmark::main,
          "ceiling-bolt", CeilingBolt::main);

  private Main() {}

  public static void main(String[] args) {
    // before any HTTP server exists: the simulators answer without Nagle stalls
    LoopbackHttpServer.noDelayForThisJvm();
    ResultFiles.recordLoadAtStart();
    // the app's simplelogger.properties raises io.tandem to info; a benchmark wants quiet
    setIfAbsent(LOG_LEVEL, "warn");
    setIfAbsent(TANDEM_LOG_LEVEL, System.getProperty(LOG_LEVEL));
    List<String> arguments = Arrays.asList(args);
    String benchmark =
        arguments.isEmpty() || arguments.get(0).startsWith("-") ? "ack-latency" : arguments.get(0);
    List<String> options =
        arguments.isEmpty() || arguments.get(0).startsWith("-")
            ? arguments
            : arguments.subList(1, arguments.size());
    Benchmark named = BENCHMARKS.get(benchmark);
    if (named != null) {
      System.exit(run(() -> named.run(options)));
    }
    if (options.contains("--help") || options.contains("-h") || benchmark.equals("help")) {
      System.out.println(AckLatencyOptions.USAGE);
      return;
    }
    if (benchmark.equals("matching")) {
      try {
        MatchingBenchmark.main(options.toArray(String[]::new));
      } catch (java.io.IOException e) {
        System.err.println("Could not write the results: " + e.getMessage());
        System.exit(1);
      }
      return;
    }
    if (!benchmark.equals("ack-latency")) {
      System.err.println("Unknown benchmark '" + benchmark + "'.\n\n" + AckLatencyOptions.USAGE);
      System.exit(2);
    }
    AckLatencyOptions parsed;
    try {
      parsed = AckLatencyOptions.parse(options);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + AckLatencyOptions.USAGE);
      System.exit(2);
      return;
    }
    int status = AckLatencyBenchmark.run(parsed, String.join(" ", args));
    System.exit(status);
  }

  /** Runs a benchmark that returns its exit status; a failure is reported and exits 1. */
  private static int run(java.util.concurrent.Callable<Integer> benchmark) {
    try {
      return benchmark.call();
    } catch (Exception e) {
      e.printStackTrace();
      return 1;
    }
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
