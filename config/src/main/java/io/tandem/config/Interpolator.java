package io.tandem.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:-default}} in a value, anywhere in the text, from an
 * environment map. An unset or empty variable without a default resolves to the empty string (so an
 * optional setting stays unset); with a default, to the default, as in a POSIX shell. <code>$${
 * </code> is a literal <code>${</code>.
 */
final class Interpolator {

  private static final Pattern REFERENCE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?", Pattern.DOTALL);

  private Interpolator() {}

  /** A reference that cannot be resolved; the message completes {@code key: "value" …}. */
  static final class BadReference extends Exception {
    BadReference(String message) {
      super(message);
    }
  }

  static String resolve(String text, Map<String, String> env) throws BadReference {
    return resolve(text, env, new java.util.ArrayList<>());
  }

  /** As {@link #resolve(String, Map)}, adding the name of each variable read to {@code read}. */
  static String resolve(String text, Map<String, String> env, java.util.List<String> read)
      throws BadReference {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw new BadReference("has an unterminated ${ (expected ${NAME} or ${NAME:-default})");
        }
        Matcher reference = REFERENCE.matcher(text.substring(i + 2, end));
        if (!reference.matches()) {
          throw new BadReference(
              "has an invalid reference "
                  + text.substring(i, end + 1)
                  + " (expected ${NAME} or ${NAME:-default})");
        }
        String value = env.get(reference.group(1));
        if (!read.contains(reference.group(1))) {
          read.add(reference.group(1));
        }
        if (value == null || value.isEmpty()) {
          value = reference.group(2) == null ? "" : reference.group(2);
        }
        out.append(value);
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }
}
