package io.tandem.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, one sentence each, so an operator
 * can fix them all in one go. No message ever contains a secret: secret values are masked.
 */
public final class ConfigException extends Exception {

  private final transient List<String> problems;

  /**
   * @param source what was being read, e.g. {@code "/srv/tandem/tandem.yml"} or {@code
   *     "environment"}; the first line of the message names it
   * @param problems one sentence per problem, each starting with the key path
   */
  public ConfigException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each, in the order they were found. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    StringBuilder text =
        new StringBuilder("Invalid configuration (")
            .append(source)
            .append("), ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem:" : " problems:");
    for (String problem : problems) {
      text.append(System.lineSeparator()).append("  - ").append(problem);
    }
    return text.toString();
  }
}
