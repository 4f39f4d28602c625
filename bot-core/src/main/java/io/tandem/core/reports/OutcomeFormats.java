package io.tandem.core.reports;

import static io.tandem.core.reports.ReportFormats.mdCell;
import static io.tandem.core.reports.ReportFormats.num;
import static io.tandem.core.reports.ReportFormats.row;

import java.util.List;

/**
 * The targets and the answers to "what changed at work" in the report's files: CSV rows and a
 * Markdown section. Answers appear only from the anonymity threshold on, as in chat.
 */
final class OutcomeFormats {

  private OutcomeFormats() {}

  /** Sections {@code targets} (one row per number) and {@code outcomes}. */
  static void csvRows(List<String[]> rows, ProgramReport r) {
    Outcomes o = r.outcomes();
    for (Outcomes.TargetProgress t : o.targets()) {
      rows.add(row("targets", t.measure(), "target_percent", t.target()));
      rows.add(
          row("targets", t.measure(), "actual_percent", t.actual() == null ? "" : num(t.actual())));
      rows.add(row("targets", t.measure(), "verdict", t.verdict()));
    }
    rows.add(row("outcomes", "", "answers", o.answers()));
    rows.add(row("outcomes", "", "shown_from", o.threshold()));
    for (String words : o.words()) {
      rows.add(row("outcomes", "", "answer", words));
    }
  }

  /** {@code ## Targets} and {@code ## What changed at work}. */
  static void markdown(StringBuilder md, ProgramReport r) {
    Outcomes o = r.outcomes();
    md.append("## Targets\n\n");
    if (o.targets().isEmpty()) {
      md.append("None set.\n\n");
    }
    for (Outcomes.TargetProgress t : o.targets()) {
      md.append("- ").append(mdCell(Targets.line(t))).append('\n');
    }
    md.append(o.targets().isEmpty() ? "" : "\n").append("## What changed at work\n\n");
    if (o.words().isEmpty()) {
      md.append(mdCell(ReportText.outcomes(o))).append(".\n\n");
      return;
    }
    for (String words : o.words()) {
      md.append("- “").append(mdCell(words)).append("”\n");
    }
    md.append('\n');
  }
}
