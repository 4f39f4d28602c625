package io.tandem.slack;

import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.port.in.Markup;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns Tandem's {@link Markup} into Slack syntax: the only place that does. Every character of
 * every text is escaped as Slack's formatting guide asks ({@code &}, {@code <}, {@code >}), so
 * nothing anyone typed can form a mention, a channel or user-group broadcast or a link; Tandem's
 * own mentions and links are then written as Slack's {@code <@U…>} and {@code <url|label>}, its
 * commands as typed after {@code /tandem}. Tandem's {@code *bold*} and {@code `code`} are Slack's
 * own. Slack has no way to escape {@code *}, {@code _}, {@code ~} or {@code `}, so people's text
 * can still style its own words there, which forms nothing.
 *
 * <p>It also reads the user mentions in what people send: with "Escape channels, users, and links"
 * on ({@code should_escape: true} in {@code slack-app-manifest.yml}), Slack sends a mention typed
 * in {@code /tandem}'s text as {@code <@U024BE7LH|ana>} (or without the {@code |name}), and the
 * core learns whom each names through {@link #mentions}, never the syntax.
 */
final class SlackText {

  /** A user mention as Slack escapes it: the user id ({@code U…}, or {@code W…} on Enterprise). */
  private static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^<>]*)?>");

  private SlackText() {}

  /**
   * The user mentions in a text Slack sent: each exactly as it stands in the text, with the user id
   * it names. The text itself is not changed.
   */
  static Map<String, String> mentions(String text) {
    return MentionedUsers.read(USER_MENTION, text);
  }

  /** For a {@code mrkdwn} text object (sent verbatim) or a message's {@code text}. */
  static String mrkdwn(String markup) {
    StringBuilder out = new StringBuilder();
    for (Markup.Piece piece : Markup.parse(markup)) {
      if (piece instanceof Markup.Own own) {
        out.append(escape(own.text()));
      } else if (piece instanceof Markup.People people) {
        out.append(escape(people.text()));
      } else if (piece instanceof Markup.Mention mention) {
        out.append("<@").append(mention.userId()).append('>');
      } else if (piece instanceof Markup.Link link) {
        out.append('<')
            .append(escape(link.url()))
            .append('|')
            .append(escape(link.label()))
            .append('>');
      } else if (piece instanceof Markup.Command command) {
        out.append(escape(Markup.slashCommand(command)));
      }
    }
    return out.toString();
  }

  /** For a {@code plain_text} object: Slack shows it as it is, so it needs no escaping. */
  static String plain(String markup) {
    return Markup.plain(markup);
  }

  /** Slack's control characters as entities; the only escaping its mrkdwn knows. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
