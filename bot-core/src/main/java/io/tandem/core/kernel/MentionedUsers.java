package io.tandem.core.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a command names. The adapter that received the command recognised its platform's
 * mentions and sent them beside the text, each token exactly as typed with the user id it names;
 * the core knows no platform's mention syntax. A token the adapter did not recognise may still be
 * one of Tandem's own plain forms, which need no platform: {@code @U024BE7LH} or
 * {@code @81234567890} ({@code @} and an id of capitals and digits, what Tandem's own buttons
 * carry), or a bare id as CSV files and the simulators' command lines give it ({@code U024BE7LH},
 * at least six characters, or {@code 81234567890}, at least five digits).
 */
public final class MentionedUsers {

  /** A command that names nobody through its platform: only plain forms resolve. */
  public static final MentionedUsers NONE = new MentionedUsers(Map.of());

  private static final Pattern PLAIN =
      Pattern.compile("@([A-Z0-9]{2,})|([A-Z][A-Z0-9]{5,}|[0-9]{5,})");

  private final Map<String, String> userIdByToken;

  private MentionedUsers(Map<String, String> userIdByToken) {
    this.userIdByToken = Map.copyOf(userIdByToken);
  }

  /**
   * @param userIdByToken each mention as it stands in the command text, with the user id it names
   */
  public static MentionedUsers of(Map<String, String> userIdByToken) {
    return userIdByToken == null || userIdByToken.isEmpty()
        ? NONE
        : new MentionedUsers(userIdByToken);
  }

  /**
   * The mentions in a text, in the syntax of the platform that sent it, which its adapter gives:
   * each match exactly as it stands in the text, with the user id its first group holds.
   */
  public static Map<String, String> read(Pattern syntax, String text) {
    Map<String, String> mentions = new LinkedHashMap<>();
    if (text != null) {
      Matcher m = syntax.matcher(text);
      while (m.find()) {
        mentions.put(m.group(), m.group(1));
      }
    }
    return mentions;
  }

  /** The user a token of the command names, or empty when it names nobody. */
  public Optional<String> userId(String token) {
    String typed = token == null ? "" : token.strip();
    String mentioned = userIdByToken.get(typed);
    return mentioned != null ? Optional.of(mentioned) : plain(typed);
  }

  /** The user id in one of Tandem's plain forms, or empty when the text is not one. */
  public static Optional<String> plain(String text) {
    Matcher m = PLAIN.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
  }

  /** How Tandem writes a person into a command it puts on a button: {@code @} and their id. */
  public static String plainMention(String userId) {
    return "@" + userId;
  }
}
