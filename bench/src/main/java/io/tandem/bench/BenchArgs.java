package io.tandem.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of a benchmark's command line. */
final class BenchArgs {

  private BenchArgs() {}

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
}
