package io.tandem.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of a benchmark's command line. */
final class BenchArgs {

  private BenchArgs() {}

  /** What a benchmark does once its options are read. */
  interface Run<O> {
    void run(O options, String commandLine) throws Exception;
  }

  /**
   * Reads the options with {@code parse} and runs the benchmark: exit code 2 with the usage for
   * wrong options, 1 when the run fails, 0 otherwise.
   */
  static <O> int main(
      List<String> args,
      java.util.function.Function<List<String>, O> parse,
      String usage,
      Run<O> run) {
    O options;
    try {
      options = parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + usage);
      return 2;
    }
    try {
      run.run(options, String.join(" ", args));
      return 0;
    } catch (Exception e) {
      e.printStackTrace();
      return 1;
    }
  }

  /** The pairs in order; a name without a value is refused. */
  static Map<String, String> pairs(List<String> args) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("Missing value for " + args.get(i));
      }
      pairs.put(args.get(i), args.get(i + 1));
    }
    return pairs;
  }

  /** What a benchmark does with its {@code --name value} options; returns the exit status. */
  interface PairsRun {
    int run(Map<String, String> options) throws Exception;
  }

  /**
   * Runs the benchmark with its options read by {@link #pairs}: with {@code --help} or {@code -h}
   * the usage instead (exit 0), with an option missing its value the problem and the usage (exit
   * 2).
   */
  static int withPairs(List<String> args, String usage, PairsRun run) throws Exception {
    if (args.contains("--help") || args.contains("-h")) {
      System.out.println(usage);
      return 0;
    }
    Map<String, String> options;
    try {
      options = pairs(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + usage);
      return 2;
    }
    return run.run(options);
  }
}
