package io.tandem.core.guidance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The file format of {@code guide import}: Markdown sections, one per template. A line {@code ##
 * name} starts a section; its text runs to the next one. Lines before the first section may be
 * blank or {@code #} titles and notes. The whole file is read or nothing is: a problem names the
 * section it is in. Pure.
 */
public final class GuideFile {

  /** A short file in this format, as messages show it. */
  public static final String EXAMPLE =
      "## mentor-guide\nShow, don't lecture; let {mentee} try things hands-on.\n\n"
          + "## agenda-data\nOpen a spreadsheet {mentee} uses and ask it one question together.";

  private static final String HEADING = "## ";

  private GuideFile() {}

  /** What reading a file gave. */
  public sealed interface Parsed {
    /** Every section, by name in the file's order, texts as {@link GuideText#clean} keeps them. */
    record Read(Map<String, String> templates) implements Parsed {}

    /** The file was refused: one sentence saying where and why. */
    record Rejected(String problem) implements Parsed {}
  }

  /**
   * @param known whether a section name is a template Tandem knows
   */
  public static Parsed parse(String file, Predicate<String> known) {
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    StringBuilder current = null;
    int number = 0;
    for (String line : (file == null ? "" : file).split("\r?\n|\r", -1)) {
      number++;
      if (line.startsWith(HEADING)) {
        String name = line.substring(HEADING.length()).strip().toLowerCase(Locale.ROOT);
        if (!known.test(name)) {
          return new Parsed.Rejected(
              "Line " + number + ": `" + shown(name) + "` is not a template Tandem knows.");
        }
        if (sections.containsKey(name)) {
          return new Parsed.Rejected(
              "Line " + number + ": the section `" + name + "` appears twice; keep one.");
        }
        current = new StringBuilder();
        sections.put(name, current);
      } else if (current != null) {
        current.append(line).append('\n');
      } else if (!line.isBlank() && !line.startsWith("#")) {
        return new Parsed.Rejected(
            "Line "
                + number
                + " comes before the first section; start each template with `## name` on a"
                + " line of its own.");
      }
    }
    if (sections.isEmpty()) {
      return new Parsed.Rejected(
          "There is no section in it; start each template with `## name` on a line of its own.");
    }
    Map<String, String> templates = new LinkedHashMap<>();
    for (Map.Entry<String, StringBuilder> section : sections.entrySet()) {
      String text = GuideText.clean(section.getValue().toString());
      String problem = GuideText.problem(text);
      if (problem != null) {
        return new Parsed.Rejected("In `" + section.getKey() + "`: " + problem);
      }
      templates.put(section.getKey(), text);
    }
    return new Parsed.Read(Collections.unmodifiableMap(templates));
  }

  private static String shown(String name) {
    String safe = name.replaceAll("[`*]", "");
    return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
  }
}
