package io.tandem.core.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The guidance templates every program starts with (the resource {@code default-guides.md}, in the
 * format of {@code guide import}), their names, and the skill words each session agenda fits.
 */
public final class GuideDefaults {

  public static final String MENTOR_GUIDE = "mentor-guide";
  public static final String MENTEE_GUIDE = "mentee-guide";
  public static final String FIRST_SESSION = "first-session";

  /** Session agendas' names start so; the rest names the skill area. */
  public static final String AGENDA = "agenda-";

  /** The agenda suggested when none fits a pair's skills and goals. */
  public static final String GENERAL_AGENDA = AGENDA + "general";

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MAX_NAME = 40;

  /**
   * Skill words of the default agendas' areas, beyond the words of their names. An agenda a program
   * adds fits the words of its own name ({@code agenda-excel-macros}: excel, macros).
   */
  private static final Map<String, List<String>> AREA_WORDS =
      Map.of(
          AGENDA + "social-media",
          List.of("instagram", "reels", "tiktok", "linkedin", "youtube", "content", "video"),
          AGENDA + "ai-tools",
          List.of("chatgpt", "copilot", "prompt", "prompts", "prompting", "automation", "llm"),
          AGENDA + "design",
          List.of("figma", "canva", "slides", "prototype", "ux"),
          AGENDA + "data",
          List.of("excel", "spreadsheet", "spreadsheets", "sql", "dashboard", "analytics"),
          AGENDA + "leadership",
          List.of(
              "negotiation",
              "speaking",
              "budgeting",
              "hiring",
              "strategy",
              "feedback",
              "management",
              "stakeholders"));

  private static final Map<String, String> TEXTS = load();

  private GuideDefaults() {}

  /** Every default template, by name, in the file's order. */
  public static Map<String, String> all() {
    return TEXTS;
  }

  /** The default text of template {@code name}, if Tandem has one. */
  public static Optional<String> text(String name) {
    return Optional.ofNullable(TEXTS.get(name));
  }

  /** Whether {@code name} can name a template: one of the defaults, or any {@code agenda-…}. */
  public static boolean isTemplate(String name) {
    return TEXTS.containsKey(name)
        || (name.startsWith(AGENDA)
            && name.length() > AGENDA.length()
            && name.length() <= MAX_NAME
            && NAME.matcher(name).matches());
  }

  /** Whether template {@code name} is a session agenda. */
  public static boolean isAgenda(String name) {
    return name.startsWith(AGENDA);
  }

  /** The skill words agenda {@code name} fits; none for the general one. */
  public static List<String> areaWords(String name) {
    if (name.equals(GENERAL_AGENDA)) {
      return List.of();
    }
    List<String> own = Arrays.asList(name.substring(AGENDA.length()).split("-"));
    List<String> more = AREA_WORDS.getOrDefault(name, List.of());
    return java.util.stream.Stream.concat(own.stream(), more.stream())
        .map(w -> w.toLowerCase(Locale.ROOT))
        .toList();
  }

  /** The names a template may have, for messages. */
  public static String names() {
    return String.join(", ", TEXTS.keySet()) + ", or a new " + AGENDA + "AREA";
  }

  private static Map<String, String> load() {
    try (InputStream in = GuideDefaults.class.getResourceAsStream("default-guides.md")) {
      if (in == null) {
        throw new IllegalStateException("default-guides.md is missing from the classpath");
      }
      GuideFile.Parsed parsed =
          GuideFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name -> true);
      if (parsed instanceof GuideFile.Parsed.Rejected rejected) {
        throw new IllegalStateException("default-guides.md: " + rejected.problem());
      }
      return ((GuideFile.Parsed.Read) parsed).templates();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
