package io.tandem.core.reports;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.reports.ProgramReport.Funnel;
import io.tandem.core.reports.ProgramReport.Health;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The program's story on one page, for its admins at its end ({@link FinalReport}) and on demand
 * ({@code report PROGRAM final}): the funnel from enrolment to goals done, the targets with their
 * verdicts, what changed at work in participants' own words (from the anonymity threshold on,
 * without names), and how participants stayed compared with everyone else. Pure.
 */
public final class ProgramStory {

  /** The word after a program's name in {@code report} that asks for this page. */
  static final String WORD = "final";

  private ProgramStory() {}

  /**
   * The program {@code report …} names when it asks for the story ({@code report Data pilot final},
   * or {@code report final} for the default program, then an empty name); empty when it asks for
   * the full report.
   */
  static Optional<String> asked(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.equalsIgnoreCase(WORD)) {
      return Optional.of("");
    }
    String lower = t.toLowerCase(Locale.ROOT);
    return lower.endsWith(" " + WORD)
        ? Optional.of(t.substring(0, t.length() - WORD.length()).strip())
        : Optional.empty();
  }

  static Reply reply(ProgramReport r, String heading) {
    Outcomes o = r.outcomes();
    return Reply.info(
        heading
            + "\n"
            + summary(r)
            + " `"
            + Markup.command("report " + r.program().name())
            + "` sends every number with charts.",
        List.of(
            new Reply.Field("Funnel: from enrolment to goals done", funnel(r.funnel(), r.health())),
            new Reply.Field(
                "Targets",
                o.targets().isEmpty()
                    ? "none were set (`"
                        + Markup.command(TargetGrammar.EXAMPLE)
                        + "` sets them for the next round)"
                    : ReportText.targets(o)),
            new Reply.Field("What changed at work, in their words", ReportText.outcomes(o)),
            new Reply.Field(
                "Participants and everyone else", ReportText.retention(r.retention()))));
  }

  /** {@code 13 enrolled → 12 matched → 10 met → 9 goals set → 6 goals done}. */
  static String funnel(Funnel f, Health h) {
    return f.enrolled()
        + " enrolled → "
        + f.matched()
        + " matched → "
        + f.firstSession()
        + " met → "
        + h.goalsSet()
        + (h.goalsSet() == 1 ? " goal" : " goals")
        + " set → "
        + h.goalsDone()
        + " done";
  }

  private static String summary(ProgramReport r) {
    Health h = r.health();
    long behind = r.outcomes().targets().stream().filter(t -> "behind".equals(t.verdict())).count();
    String targets =
        r.outcomes().targets().isEmpty()
            ? ""
            : behind == 0
                ? " Every target with data is on track."
                : " " + behind + (behind == 1 ? " target is" : " targets are") + " behind.";
    return String.format(
            Locale.ROOT,
            "%d pairs met %d times over %.1f hours (%s).",
            h.pairs(),
            h.sessions(),
            h.hours(),
            ReportText.period(r))
        + targets;
  }
}
