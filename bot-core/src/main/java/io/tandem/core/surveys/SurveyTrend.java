package io.tandem.core.surveys;

import java.time.Instant;
import java.util.List;

/**
 * One rating question of one survey template over its runs in a program: the mean (and NPS for NPS
 * questions) of each run, or nothing where fewer people answered than the anonymity threshold.
 *
 * @param question the question's position in the template, from 0
 * @param type {@code likert} (1–5) or {@code nps} (0–10)
 * @param runs oldest first
 */
public record SurveyTrend(
    String templateId, String title, int question, String text, String type, List<Point> runs) {

  public SurveyTrend {
    runs = List.copyOf(runs);
  }

  /**
   * One run.
   *
   * @param answered how many people answered the run (shown even when results are not)
   * @param mean the mean answer, or {@code null} when suppressed
   * @param nps promoters minus detractors in percent, for NPS questions; otherwise {@code null}
   * @param suppressed whether fewer answered this question than the anonymity threshold
   */
  public record Point(
      long runId,
      Instant openedAt,
      int invited,
      long answered,
      Double mean,
      Integer nps,
      boolean suppressed) {}
}
