package io.tandem.core.pulse;

import java.util.Locale;

/**
 * A program's pair check-in answers, counted: what a report may show, and only from the anonymity
 * threshold on. Notes are never counted or shown.
 *
 * @param answers check-ins with any answer
 * @param rated of those, with a rating; {@code ratingSum} their sum
 * @param learning with a "partner learning" answer; {@code yes} and {@code partly} of those
 * @param threshold the survey anonymity threshold: the fewest answers any number is shown for
 */
public record CheckInSummary(
    long answers, long rated, long ratingSum, long learning, long yes, long partly, int threshold) {

  /** What an admin reads, every number only from {@link #threshold} answers. */
  public String text() {
    if (answers == 0) {
      return "no answers yet";
    }
    if (answers < threshold) {
      return "too few answers to show";
    }
    StringBuilder text = new StringBuilder(answers + (answers == 1 ? " answer" : " answers"));
    if (rated >= threshold) {
      text.append(String.format(Locale.ROOT, ", mean %.1f of 5", (double) ratingSum / rated));
    }
    if (learning >= threshold) {
      text.append(", partner learning: ")
          .append(Math.round(100.0 * yes / learning))
          .append(" % yes, ")
          .append(Math.round(100.0 * partly / learning))
          .append(" % partly");
    }
    return text.toString();
  }
}
