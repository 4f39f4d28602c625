package io.tandem.core.guidance;

import io.tandem.core.port.in.Markup;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a guidance template as admins write it, and how it becomes a message. Admins may use
 * Tandem's own formatting ({@code *bold*} and {@code `code`}) and the placeholders {@link
 * #PLACEHOLDERS}; every other character means itself, so an admin's text can form no mention,
 * broadcast ({@code @everyone}, {@code @here}, {@code <!channel>}) or link on any platform: the
 * platform renderers escape it, and the characters {@link Markup} reserves are removed here. Names
 * filled in for the placeholders are people's text ({@link Markup#text(String)}). Pure.
 */
public final class GuideText {

  /** Longest template text: a message with it stays within Discord's 2,000 characters. */
  public static final int MAX_LENGTH = 1200;

  /** The placeholders a template may use, with what each stands for. */
  public static final Map<String, String> PLACEHOLDERS =
      Map.of(
          "mentor", "the mentor's name",
          "mentee", "the mentee's name",
          "program", "the program's name",
          "cadence", "how many days apart the pair meets",
          "log", "the command that logs a session");

  private static final List<String> ORDER =
      List.of("mentor", "mentee", "program", "cadence", "log");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,30})}");
  private static final Pattern RESERVED = Pattern.compile("[\uE000-\uF8FF]");

  private GuideText() {}

  /** What fills the placeholders for one pair (names as people typed them). */
  public record Values(String mentor, String mentee, String program, int cadenceDays) {}

  /** The placeholders in {@code text} that Tandem does not know, in order of appearance. */
  public static Set<String> unknownPlaceholders(String text) {
    Set<String> unknown = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      if (!PLACEHOLDERS.containsKey(matcher.group(1))) {
        unknown.add("{" + matcher.group(1) + "}");
      }
    }
    return unknown;
  }

  /** The known placeholders, as a template writes them: {@code {mentor}, {mentee}, …}. */
  public static String knownPlaceholders() {
    return String.join(", ", ORDER.stream().map(p -> "{" + p + "}").toList());
  }

  /**
   * What is wrong with {@code text} as a template, or {@code null} when nothing is: empty, too
   * long, or an unknown placeholder.
   */
  public static String problem(String text) {
    String clean = clean(text);
    if (clean.isEmpty()) {
      return "The text is empty; write what people should read.";
    }
    if (clean.length() > MAX_LENGTH) {
      return "The text is "
          + clean.length()
          + " characters long; the most is "
          + MAX_LENGTH
          + ". Shorten it.";
    }
    Set<String> unknown = unknownPlaceholders(clean);
    if (!unknown.isEmpty()) {
      return "Tandem does not know "
          + String.join(", ", unknown)
          + ". A template may use "
          + knownPlaceholders()
          + ".";
    }
    return null;
  }

  /** The text as stored: without Markup's reserved characters, trimmed, line ends as {@code \n}. */
  public static String clean(String text) {
    String plain = text == null ? "" : RESERVED.matcher(text).replaceAll("");
    return plain.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  /** The template as a message in {@link Markup}, with the placeholders filled in. */
  public static String render(String template, Values values) {
    Matcher matcher = PLACEHOLDER.matcher(clean(template));
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher, values)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String value(Matcher matcher, Values values) {
    return switch (matcher.group(1)) {
      case "mentor" -> Markup.text(values.mentor());
      case "mentee" -> Markup.text(values.mentee());
      case "program" -> Markup.text(values.program());
      case "cadence" -> Integer.toString(values.cadenceDays());
      case "log" -> "`" + Markup.command("log 45m what you covered") + "`";
      default -> Markup.text(matcher.group());
    };
  }
}
