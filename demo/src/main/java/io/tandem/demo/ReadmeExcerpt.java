package io.tandem.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The README's excerpt of the demo, taken from the transcript of a real run ({@code ./tandem demo
 * --readme}): the program admin's grant, the late joiner who waits, the swap of two mentors, a
 * reminder, a mentor taking a second mentee, the admin's alert about the quiet pair, the form
 * survey's results, the program admin ending the quiet pair, admitting the waitlist and matching
 * again, the week-before notice, the close and the report. The same seed and start play the same
 * pilot, so the excerpt changes only when what Tandem says changes.
 */
final class ReadmeExcerpt {

  /** The Monday the README's pilot starts on. */
  static final String START_TEXT = "2026-11-30";

  static final LocalDate START = LocalDate.parse(START_TEXT);

  static final String BEGIN = "<!-- demo excerpt: written by ./tandem demo --readme -->";

  static final String END = "<!-- end of demo excerpt -->";

  private static final String GAP = "…";

  /** Lines that continue the message above them start with this much space. */
  private static final String CONTINUED = "           ";

  private ReadmeExcerpt() {}

  /** The excerpt of a run's transcript, without the code fence. */
  static String of(String transcript) {
    List<String> lines = transcript.lines().toList();
    List<String> excerpt = new ArrayList<>();
    int grant =
        find(lines, 0, l -> l.startsWith(Pilot.ADMIN) && l.contains(" program admins add "));
    excerpt.add(lines.get(grant));
    excerpt.add(lines.get(grant + 1));
    excerpt.add(lines.get(find(lines, grant, l -> l.startsWith(tandemTo(Pilot.PROGRAM_ADMIN)))));
    excerpt.add(GAP);
    int late =
        find(
            lines,
            grant,
            l -> l.startsWith(SamplePeople.LATE_JOINER.name() + " ") && l.contains(" joined "));
    excerpt.add(lines.get(late));
    excerpt.addAll(message(lines, late + 1));
    excerpt.add(GAP);
    int swap = find(lines, 0, l -> l.startsWith(Pilot.ADMIN) && l.contains(" match swap "));
    excerpt.add(lines.get(swap));
    excerpt.add(lines.get(swap + 1));
    excerpt.add(GAP);
    int week2 = find(lines, swap, l -> l.startsWith("▸ week 2 of"));
    excerpt.add(lines.get(week2));
    excerpt.add(lines.get(find(lines, week2, l -> l.contains("Time to meet"))));
    excerpt.add(GAP);
    int profile = find(lines, week2, l -> l.endsWith(" › /tandem profile"));
    excerpt.addAll(lines.subList(profile, profile + 3));
    excerpt.add(GAP);
    excerpt.addAll(
        message(
            lines,
            find(
                lines,
                week2,
                l -> l.startsWith(tandemTo(Pilot.ADMIN)) && l.contains("needs attention"))));
    excerpt.add(GAP);
    int results =
        find(lines, week2, l -> l.startsWith(Pilot.ADMIN) && l.endsWith(" survey results 2"));
    excerpt.add(lines.get(results));
    excerpt.add(lines.get(results + 1));
    int sent = find(lines, results + 1, l -> l.startsWith(tandemTo(Pilot.ADMIN)));
    excerpt.addAll(message(lines, sent));
    excerpt.add(lines.get(find(lines, sent, l -> l.contains("[image: "))));
    excerpt.add(GAP);
    excerpt.addAll(programAdminToTheClose(lines, results));
    return String.join("\n", excerpt) + "\n";
  }

  /**
   * From the form survey's results on: the program admin ending the quiet pair, admitting the
   * waitlist and matching again, the week-before notice, the close and the report.
   */
  private static List<String> programAdminToTheClose(List<String> lines, int results) {
    List<String> excerpt = new ArrayList<>();
    int steps =
        find(
            lines,
            results,
            l -> l.startsWith(Pilot.PROGRAM_ADMIN + " ") && l.contains(" pair end "));
    int approved =
        find(
            lines,
            steps,
            l -> l.startsWith(Pilot.PROGRAM_ADMIN + " ") && l.contains(" match approve "));
    for (int i = steps; i <= approved + 1; i++) {
      if (lines.get(i).startsWith(Pilot.PROGRAM_ADMIN + " ")
          || !lines.get(i).startsWith("Tandem   › (to ")) {
        excerpt.add(lines.get(i));
      }
    }
    excerpt.add(
        lines.get(
            find(
                lines,
                approved,
                l -> l.startsWith("Tandem   › (to ") && l.contains("Meet your Tandem partner"))));
    excerpt.add(GAP);
    excerpt.add(lines.get(find(lines, approved, l -> l.contains(" ends in a week, on "))));
    excerpt.add(GAP);
    int closed =
        find(
            lines,
            approved,
            l -> l.startsWith(tandemTo(Pilot.ADMIN)) && l.contains("end of its length"));
    excerpt.add(lines.get(closed));
    excerpt.add(lines.get(closed + 1));
    excerpt.add(GAP);
    int report =
        find(
            lines,
            closed,
            l -> l.startsWith(Pilot.ADMIN) && l.contains(" report " + Pilot.PROGRAM));
    excerpt.add(lines.get(report));
    excerpt.addAll(message(lines, report + 1));
    return excerpt;
  }

  /** The README with the excerpt between its markers, in a code block. */
  static String inReadme(String readme, String excerpt) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "the README has no place for the demo excerpt: put the lines "
              + BEGIN
              + " and "
              + END
              + " where it goes");
    }
    return readme.substring(0, begin + BEGIN.length())
        + "\n```\n"
        + excerpt
        + "```\n"
        + readme.substring(end);
  }

  /** Where the funnel chart of the README's run goes. */
  static Path funnelPicture(Path readme) {
    return readme.toAbsolutePath().getParent().resolve("docs").resolve("demo-funnel.png");
  }

  /** Writes the excerpt into the README and the run's funnel chart next to it. */
  static void write(Path readme, String excerpt, List<Path> charts) throws IOException {
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    Path funnel =
        charts.stream()
            .filter(c -> c.getFileName().toString().endsWith("-funnel.png"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the report sent no funnel chart"));
    Files.writeString(readme, inReadme(text, excerpt), StandardCharsets.UTF_8);
    Path picture = funnelPicture(readme);
    Files.createDirectories(picture.getParent());
    Files.copy(funnel, picture, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String tandemTo(String person) {
    return "Tandem   › (to " + person + ")";
  }

  /** The message on line {@code first} with the lines that continue it. */
  private static List<String> message(List<String> lines, int first) {
    int end = first + 1;
    while (end < lines.size() && lines.get(end).startsWith(CONTINUED)) {
      end++;
    }
    return lines.subList(first, end);
  }

  private static int find(List<String> lines, int from, Predicate<String> wanted) {
    for (int i = from; i < lines.size(); i++) {
      if (wanted.test(lines.get(i))) {
        return i;
      }
    }
    throw new IllegalStateException(
        "the demo's transcript lacks a line the README's excerpt shows (after line " + from + ")");
  }
}
