package io.tandem.config;

import java.util.List;
import java.util.Objects;

/**
 * Where one setting's value came from, as {@code tandem config check} shows it.
 *
 * @param kind the built-in default, the file, or an environment variable
 * @param variables for {@link Kind#ENVIRONMENT}, the variable; for {@link Kind#FILE}, the variables
 *     its {@code ${...}} references read (often none); empty for {@link Kind#DEFAULT}
 */
public record ValueSource(Kind kind, List<String> variables) {

  /** What set the value. */
  public enum Kind {
    DEFAULT,
    FILE,
    ENVIRONMENT
  }

  /** Not set anywhere: the built-in default applies. */
  public static final ValueSource DEFAULT = new ValueSource(Kind.DEFAULT, List.of());

  public ValueSource {
    Objects.requireNonNull(kind, "kind");
    variables = List.copyOf(variables);
  }

  static ValueSource environment(String variable) {
    return new ValueSource(Kind.ENVIRONMENT, List.of(variable));
  }

  static ValueSource file(List<String> referenced) {
    return new ValueSource(Kind.FILE, referenced);
  }

  /**
   * {@code default}, {@code file}, <code>file, ${SLACK_BOT_TOKEN}</code> or {@code environment
   * TANDEM_HTTP_PORT}.
   */
  public String describe() {
    return switch (kind) {
      case DEFAULT -> "default";
      case ENVIRONMENT -> "environment " + variables.get(0);
      case FILE ->
          variables.isEmpty()
              ? "file"
              : "file, " + String.join(", ", variables.stream().map(v -> "${" + v + "}").toList());
    };
  }
}
