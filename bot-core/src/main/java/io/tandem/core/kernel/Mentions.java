package io.tandem.core.kernel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** People as chat mentions them: Slack {@code <@U123|ana>}, Discord {@code <@123>}, or bare ids. */
public final class Mentions {

  private static final Pattern MENTION =
      Pattern.compile("<@!?([A-Za-z0-9]+)(?:\\|[^>]*)?>|@?([A-Z][A-Z0-9]{5,}|[0-9]{5,})");

  private Mentions() {}

  /** The user id in a mention, or empty when the text is not one. */
  public static Optional<String> userId(String text) {
    Matcher m = MENTION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
  }
}
