package io.tandem.slack;

import io.tandem.core.port.in.Markup;

/**
 * Turns Tandem's {@link Markup} into Slack syntax: the only place that does. Every character of
 * every text is escaped as Slack's formatting guide asks ({@code &}, {@code <}, {@code >}), so
 * nothing anyone typed can form a mention, a channel or user-group broadcast or a link; Tandem's
 * own mentions and links are then written as Slack's {@code <@U…>} and {@code <url|label>}, its
 * commands as typed after {@code /tandem}. Tandem's {@code *bold*} and {@code `code`} are Slack's
 * own. Slack has no way to escape {@code *}, {@code _}, {@code ~} or {@code `}, so people's text
 * can still style its own words there, which forms nothing.
 */
final class SlackText {

  private SlackText() {}

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
