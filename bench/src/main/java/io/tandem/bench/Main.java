package io.tandem.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmarks' command line: {@code java -jar bench/target/tandem-bench.jar
 * [ack-latency|matching|report|fan-out|intake] [options]}. Runs on demand only; nothing here is
 * part of {@code ./mvnw verify}.
 *
 * <p>Logging is set to {@code warn} before any logger exists, so the libraries under test (Bolt,
 * JDA, EclipseLink, the simulators) stay quiet; pass {@code
 * -Dorg.slf4j.simpleLogger.defaultLogLevel=info} to see them.
 */
public final class Main {

  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final String TANDEM_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.tandem";

  private Main() {}

  public static void main(String[] args) {
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
    if (benchmark.equals("report")) {
      System.exit(ReportBenchmark.main(options));
    }
    if (benchmark.equals("intake")) {
      System.exit(IntakeBenchmark.main(options));
    }
    if (benchmark.equals("reminder-pass")) {
      System.exit(ReminderPassBenchmark.main(options));
    }
    if (benchmark.equals("fan-out")) {
      System.exit(FanOutBenchmark.main(options));
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

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
