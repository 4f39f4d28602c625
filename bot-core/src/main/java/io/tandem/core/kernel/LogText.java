package io.tandem.core.kernel;

/**
 * Text from outside (user ids, what people typed, request bodies, library error messages) made safe
 * for one log line: no raw line breaks or other control characters, so nobody can forge a log line,
 * and short, so nobody can fill the log. Use it for every argument a log call takes from outside.
 */
public final class LogText {

  /** How many characters of outside text one log argument keeps. */
  public static final int MAX_LENGTH = 200;

  private LogText() {}

  /**
   * {@code text} with line breaks as {@code \n} and {@code \r}, other control and line-separator
   * characters as {@code \}{@code uXXXX}, and anything past {@value #MAX_LENGTH} characters cut off
   * with a note of how much was cut.
   */
  public static String of(Object text) {
    if (text == null) {
      return "null";
    }
    String value = text.toString();
    int kept = Math.min(value.length(), MAX_LENGTH);
    StringBuilder safe = new StringBuilder(kept + 16);
    for (int i = 0; i < kept; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> safe.append("\\n");
        case '\r' -> safe.append("\\r");
        case '\t' -> safe.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            safe.append(String.format("\\u%04x", (int) c));
          } else {
            safe.append(c);
          }
        }
      }
    }
    if (value.length() > kept) {
      safe.append("…(").append(value.length() - kept).append(" more characters)");
    }
    return safe.toString();
  }
}
