package io.tandem.core.port.in;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The small markup language of every text Tandem says ({@link Reply#text()}, field labels and
 * values): what is Tandem's own formatting, and what is text people typed. Each platform's renderer
 * is the only place that turns it into platform syntax, and escapes everything else there.
 *
 * <ul>
 *   <li>{@code *bold*} and {@code `code`} are Tandem's formatting.
 *   <li>Every other character means itself, on every platform: a renderer escapes whatever its
 *       platform would read as syntax ({@code & < >} on Slack; mentions, masked links and markdown
 *       on Discord), so no text can form a mention, broadcast or link, even one a message forgot to
 *       pass through {@link #text(String)}.
 *   <li>{@link #text(String)}: text people typed (names, topics, goals, answers, program names…).
 *       Its {@code *} and {@code `} are not formatting either. Wrap every such piece with it.
 *   <li>{@link #mention(String)}: a person Tandem means to mention; the only way to form a mention.
 *       {@link #link(String, String)}: a link of Tandem's own; the only way to form one.
 *   <li>{@link #command(String)}: a Tandem command people can type, in the words of the core's
 *       grammar ({@code match preview}, {@code log 45m Instagram reels}); the only way to name one.
 *       Each platform writes it in its own syntax ({@code /tandem match preview} on Slack, {@code
 *       /tandem-admin match preview} on Discord).
 * </ul>
 *
 * The last four are written with characters of Unicode's private use area that {@link
 * #text(String)} removes from people's text, so people's text can't forge them. Store what people
 * typed as it is; wrap it when composing a message.
 */
public final class Markup {

  static final char TEXT_START = '\uE000';
  static final char TEXT_END = '\uE001';
  static final char MENTION_START = '\uE002';
  static final char MENTION_END = '\uE003';
  static final char LINK_START = '\uE004';
  static final char LINK_LABEL = '\uE005';
  static final char LINK_END = '\uE006';
  static final char COMMAND_START = '\uE007';
  static final char COMMAND_END = '\uE008';

  private static final Pattern RESERVED = Pattern.compile("[\uE000-\uE008]");
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9]{1,40}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s\uE000-\uE008<>|]+");

  private Markup() {}

  /** One piece of a marked-up text, in order. */
  public sealed interface Piece {}

  /** Tandem's own words: {@code *bold*} and {@code `code`} are formatting, nothing else is. */
  public record Own(String text) implements Piece {}

  /** Text people typed: every character means itself. */
  public record People(String text) implements Piece {}

  /** A person Tandem mentions, by platform user id. */
  public record Mention(String userId) implements Piece {}

  /** A link of Tandem's own, with the words shown for it (people's text). */
  public record Link(String url, String label) implements Piece {}

  /**
   * A command people type after the platform's command, in the core grammar's words: its verb (and
   * subcommand), then its arguments, e.g. {@code program create Data pilot every 2w}. Parts that
   * came from people's text may be put in with {@link #text(String)}; inside a command every
   * character means itself.
   */
  public record Command(String text) implements Piece {}

  /**
   * Text people typed, as markup that shows exactly that text. Text without {@code *} or {@code `}
   * is returned as it is: every other character already means itself.
   */
  public static String text(String people) {
    String clean = people == null ? "" : RESERVED.matcher(people).replaceAll("");
    if (clean.indexOf('*') < 0 && clean.indexOf('`') < 0) {
      return clean;
    }
    return TEXT_START + clean + TEXT_END;
  }

  /** A mention of the person with this platform user id. */
  public static String mention(String userId) {
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      throw new IllegalArgumentException("not a user id: " + userId);
    }
    return MENTION_START + userId + MENTION_END;
  }

  /**
   * A command to type, in the core grammar's words ({@code match preview}, {@code log 45m Instagram
   * reels}): each platform's renderer names it in its own syntax. Wrap it in {@code `…`} where it
   * should show as code.
   */
  public static String command(String coreText) {
    String clean = coreText == null ? "" : RESERVED.matcher(coreText).replaceAll("").strip();
    return COMMAND_START + clean + COMMAND_END;
  }

  /**
   * A link of Tandem's own to an {@code http(s)} address, shown as {@code label}. Anything else (a
   * misconfigured address, say) is shown as text, never linked.
   */
  public static String link(String url, String label) {
    if (url == null || !URL.matcher(url).matches()) {
      return text(url);
    }
    String shown = label == null ? "" : RESERVED.matcher(label).replaceAll("");
    return LINK_START + url + LINK_LABEL + (shown.isBlank() ? url : shown) + LINK_END;
  }

  /**
   * The pieces of a marked-up text, in order. A reserved character out of place (from a text that
   * did not come from this class) is dropped, never read as markup.
   */
  public static List<Piece> parse(String markup) {
    List<Piece> pieces = new ArrayList<>();
    String text = markup == null ? "" : markup;
    StringBuilder own = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char end =
          switch (c) {
            case TEXT_START -> TEXT_END;
            case MENTION_START -> MENTION_END;
            case LINK_START -> LINK_END;
            case COMMAND_START -> COMMAND_END;
            default -> 0;
          };
      int close = end == 0 ? -1 : text.indexOf(end, i + 1);
      if (close < 0) {
        if (!isReserved(c)) {
          own.append(c);
        }
        i++;
        continue;
      }
      String inside = text.substring(i + 1, close);
      Piece piece = piece(c, inside);
      if (piece != null) {
        flush(own, pieces);
        pieces.add(piece);
      }
      i = close + 1;
    }
    flush(own, pieces);
    return pieces;
  }

  private static Piece piece(char start, String inside) {
    String clean = RESERVED.matcher(inside).replaceAll("");
    if (start == TEXT_START) {
      return clean.isEmpty() ? null : new People(clean);
    }
    if (start == COMMAND_START) {
      return clean.isEmpty() ? null : new Command(clean);
    }
    if (start == MENTION_START) {
      return USER_ID.matcher(inside).matches() ? new Mention(inside) : null;
    }
    int label = inside.indexOf(LINK_LABEL);
    if (label < 0 || !URL.matcher(inside.substring(0, label)).matches()) {
      return null;
    }
    return new Link(inside.substring(0, label), clean.substring(label));
  }

  private static void flush(StringBuilder own, List<Piece> pieces) {
    if (own.length() > 0) {
      pieces.add(new Own(own.toString()));
      own.setLength(0);
    }
  }

  /**
   * A command as typed after one slash command that takes free text, as on Slack: {@code /tandem
   * match preview}.
   */
  public static String slashCommand(Command command) {
    return "/tandem " + command.text();
  }

  private static boolean isReserved(char c) {
    return c >= TEXT_START && c <= COMMAND_END;
  }

  /**
   * The text a person reads, without any formatting: for places that show plain text (Slack {@code
   * plain_text}, modal titles, chart labels, logs). Mentions read {@code @id}; links read their
   * label and address; commands read as on Slack ({@code /tandem match preview}). Tandem's {@code
   * *} and {@code `} are kept as they are.
   */
  public static String plain(String markup) {
    return plain(markup, Markup::slashCommand);
  }

  /** {@link #plain(String)}, with commands named as {@code commands} writes them. */
  public static String plain(String markup, Function<Command, String> commands) {
    StringBuilder out = new StringBuilder();
    for (Piece piece : parse(markup)) {
      if (piece instanceof Own own) {
        out.append(own.text());
      } else if (piece instanceof People people) {
        out.append(people.text());
      } else if (piece instanceof Mention mention) {
        out.append('@').append(mention.userId());
      } else if (piece instanceof Link link) {
        out.append(
            link.label().equals(link.url()) ? link.url() : link.label() + " (" + link.url() + ")");
      } else if (piece instanceof Command command) {
        out.append(commands.apply(command));
      }
    }
    return out.toString();
  }
}
