package io.tandem.core.reports;

import java.util.List;
import java.util.Objects;

/**
 * Outcomes beside activity, part of a {@link ProgramReport}: progress against the program's
 * targets, and what changed at work in participants' own words.
 *
 * @param targets each target the program set, in {@link Targets.Measure} order
 * @param answers how many goals done in the period have an answer to "what changed at work"
 * @param threshold the anonymity threshold: the answers show only from this many on
 * @param words the answers, sorted by text and without names; empty below the threshold
 */
public record Outcomes(
    List<TargetProgress> targets, long answers, int threshold, List<String> words) {

  public Outcomes {
    targets = List.copyOf(targets);
    words = List.copyOf(words);
  }

  /**
   * The answers that may be shown: all of them from {@code threshold} answers on, none below.
   *
   * @param answers every answer, sorted by text
   */
  public static Outcomes of(List<TargetProgress> targets, List<String> answers, int threshold) {
    return new Outcomes(
        targets, answers.size(), threshold, answers.size() < threshold ? List.of() : answers);
  }

  /** Whether there are answers, but too few to show. */
  public boolean suppressed() {
    return answers > 0 && words.isEmpty();
  }

  /**
   * One target and the program's progress against it.
   *
   * @param measure the word {@code program targets} names it by, e.g. {@code meet}
   * @param label what it measures, e.g. "Pairs meeting monthly"
   * @param target the target, in percent
   * @param actual the measure now, in percent, or {@code null} when there is nothing to measure
   * @param counts what the percentage is of, e.g. {@code 13 of 18}, or {@code null}
   * @param verdict "on track", "behind" or "no data yet"
   */
  public record TargetProgress(
      String measure, String label, int target, Double actual, String counts, String verdict) {
    public TargetProgress {
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(verdict, "verdict");
    }
  }
}
