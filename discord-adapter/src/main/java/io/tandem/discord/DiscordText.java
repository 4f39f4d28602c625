package io.tandem.discord;

import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.port.in.Markup;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Tandem's {@link Markup} into Discord markdown: the only place that does. Tandem's {@code
 * *bold*} becomes {@code **bold**} and its {@code `code`} stays; its mentions become {@code <@id>},
 * its links masked links and its commands {@code /tandem …} or {@code /tandem-admin …} with
 * Discord's options ({@link TandemCommand#typed}). Every other character is escaped so that it
 * shows as itself: a backslash before markdown and before {@code <} (which would open a user, role,
 * channel or emoji mention), a zero-width space inside {@code @everyone} and {@code @here};
 * people's {@code *} and {@code `} too. Inside a code span Discord shows everything as it is, so
 * nothing there is escaped. Messages are sent with allowed mentions limited to {@link
 * Rendered#mentioned()}, so even a mention this missed would ping nobody.
 *
 * <p>It also reads the user mentions in text people send ({@link #mentions}): Discord writes a user
 * mention as {@code <@id>}, or {@code <@!id>} in older clients, and the core learns whom each
 * names, never the syntax.
 */
final class DiscordText {

  /** A marked-up text as Discord markdown, and the users it mentions on Tandem's behalf. */
  record Rendered(String text, Set<String> mentioned) {}

  private static final Pattern BOLD =
      Pattern.compile("(?<![*\\w\\\\])\\*(?![\\s*])([^*\\n]+?)(?<![\\s\\\\])\\*(?![*\\w])");
  private static final Pattern BROADCAST = Pattern.compile("@(everyone|here)");
  private static final Pattern USER_MENTION = Pattern.compile("<@!?([0-9]+)>");
  private static final String ZERO_WIDTH_SPACE = "\u200B";

  /**
   * Stand in for stars that are not Tandem's bold (people's, and any inside a code span) until the
   * bold is converted, so that they neither end nor start it: characters {@link Markup#parse} never
   * lets through. The first becomes an escaped star, the second a star shown as it is.
   */
  private static final char ESCAPED_STAR = '\uE001';

  private static final char CODE_STAR = '\uE002';

  private DiscordText() {}

  /**
   * The user mentions in a text Discord sent: each exactly as it stands in the text, with the user
   * id it names. The text itself is not changed.
   */
  static Map<String, String> mentions(String text) {
    return MentionedUsers.read(USER_MENTION, text);
  }

  static Rendered render(String markup) {
    StringBuilder out = new StringBuilder();
    Set<String> mentioned = new LinkedHashSet<>();
    boolean inCode = false;
    for (Markup.Piece piece : Markup.parse(markup)) {
      if (piece instanceof Markup.Own own) {
        for (char c : own.text().toCharArray()) {
          if (c == '`') {
            inCode = !inCode;
            out.append(c);
          } else if (inCode && c == '*') {
            out.append(CODE_STAR);
          } else if (inCode || c == '*') {
            out.append(c);
          } else {
            escape(c, out);
          }
        }
      } else if (piece instanceof Markup.People people) {
        literal(people.text(), inCode, out);
      } else if (piece instanceof Markup.Command command) {
        literal(command(command), inCode, out);
      } else if (piece instanceof Markup.Mention mention) {
        out.append("<@").append(mention.userId()).append('>');
        mentioned.add(mention.userId());
      } else if (piece instanceof Markup.Link link) {
        out.append('[');
        for (char c : link.label().toCharArray()) {
          escape(c, out);
        }
        out.append("](").append(link.url()).append(')');
      }
    }
    String bold =
        BOLD.matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement("**" + m.group(1) + "**"))
            .replace(String.valueOf(ESCAPED_STAR), "\\*")
            .replace(CODE_STAR, '*');
    return new Rendered(
        BROADCAST.matcher(bold).replaceAll("@" + ZERO_WIDTH_SPACE + "$1"), mentioned);
  }

  /**
   * A command as typed on Discord, in the command and with the options {@link TandemCommand}
   * registers; one no subcommand reads is named as the core wrote it, after {@code /tandem}.
   */
  static String command(Markup.Command command) {
    return TandemCommand.typed(command.text())
        .orElseGet(() -> "/" + TandemCommand.NAME + " " + command.text());
  }

  /** Text that shows as itself: people's, and commands (which may hold people's text). */
  private static void literal(String text, boolean inCode, StringBuilder out) {
    for (char c : text.toCharArray()) {
      if (inCode) {
        // a backtick would end the span, and a backslash shows as itself there
        out.append(c == '`' ? 'ˋ' : c == '*' ? CODE_STAR : c);
      } else if (c == '*') {
        out.append(ESCAPED_STAR);
      } else if (c == '`') {
        out.append('\\').append(c);
      } else {
        escape(c, out);
      }
    }
  }

  /** For places Discord shows as plain text: button labels, modal titles, labels, placeholders. */
  static String plain(String markup) {
    return Markup.plain(markup, DiscordText::command);
  }

  private static void escape(char c, StringBuilder out) {
    boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    switch (c) {
      case '\\', '_', '~', '|', '[', ']', '<' -> out.append('\\').append(c);
      case '>', '#', '-' -> out.append(lineStart ? "\\" : "").append(c);
      default -> out.append(c);
    }
  }
}
