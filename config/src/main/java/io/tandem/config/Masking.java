package io.tandem.config;

import java.util.regex.Pattern;

/**
 * How secrets are shown. Tokens keep a short prefix (enough to tell {@code xoxb-} from {@code
 * xoxp-}) when they are long enough for the prefix to give nothing away; passwords and signing
 * secrets show nothing at all.
 */
final class Masking {

  /** Shown in place of a value that is not set. */
  static final String NOT_SET = "(not set)";

  /** Characters of a token that may be shown. */
  static final int VISIBLE_PREFIX = 5;

  /** Tokens shorter than this show no prefix at all. */
  static final int MIN_LENGTH_FOR_PREFIX = 20;

  private static final Pattern URL_PASSWORD_PARAM =
      Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");
  private static final Pattern URL_USER_INFO_PASSWORD = Pattern.compile("(//[^/:@?]*:)[^/@?]*@");

  private Masking() {}

  /** A token for display: {@code xoxb-…}, or {@code (not set)}. */
  static String token(String value) {
    return value == null ? NOT_SET : prefix(value) + "…";
  }

  /** A password or signing secret for display: {@code (masked)}, or {@code (not set)}. */
  static String hidden(String value) {
    return value == null ? NOT_SET : "(masked)";
  }

  /** A token inside a problem message, quoted: {@code "xoxp-…(masked)"}. */
  static String quotedToken(String value) {
    return '"' + prefix(value) + "…(masked)\"";
  }

  /** A password or signing secret inside a problem message: {@code "…(masked)"}. */
  static String quotedHidden() {
    return "\"…(masked)\"";
  }

  /** A JDBC URL with any {@code password=} parameter or {@code user:password@} part masked. */
  static String url(String url) {
    if (url == null) {
      return NOT_SET;
    }
    String masked = URL_PASSWORD_PARAM.matcher(url).replaceAll("$1(masked)");
    return URL_USER_INFO_PASSWORD.matcher(masked).replaceAll("$1(masked)@");
  }

  private static String prefix(String value) {
    return value.length() >= MIN_LENGTH_FOR_PREFIX ? value.substring(0, VISIBLE_PREFIX) : "";
  }
}
