package io.tandem.config;

/**
 * One scalar setting after the environment and {@code ${NAME}} references are applied.
 *
 * @param path the key path, like {@code database.pool-size} or {@code slack.admins[1]}
 * @param value the value, or {@code null} when not set
 * @param envVar the environment variable it came from, or {@code null} when from the file
 * @param shown how much of the value a problem message may show
 */
record Setting(String path, String value, String envVar, Shown shown) {

  /** How a value is shown in problem messages. */
  enum Shown {
    PLAIN,
    /** Tokens: at most a short prefix. */
    TOKEN,
    /** Passwords and signing secrets: nothing. */
    HIDDEN,
    /** JDBC URLs: any password inside masked. */
    URL
  }

  static Setting unset(String path, Shown shown) {
    return new Setting(path, null, null, shown);
  }

  boolean isSet() {
    return value != null;
  }

  String or(String fallback) {
    return value == null ? fallback : value;
  }

  /** {@code path: "value" expectation}, the value masked as needed. */
  String problem(String expectation) {
    return path
        + ": "
        + quoted()
        + " "
        + expectation
        + (envVar == null ? "" : " (from " + envVar + ")");
  }

  /** {@code path: expectation}, for a value that is missing or not shown. */
  String missing(String expectation) {
    return path + ": " + expectation;
  }

  private String quoted() {
    return switch (shown) {
      case TOKEN -> Masking.quotedToken(value);
      case HIDDEN -> Masking.quotedHidden();
      case URL -> '"' + Masking.url(value) + '"';
      case PLAIN -> '"' + value + '"';
    };
  }
}
