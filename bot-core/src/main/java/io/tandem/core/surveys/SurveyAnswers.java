package io.tandem.core.surveys;

import io.tandem.core.store.Store;
import io.tandem.core.surveys.persistence.JpaSurveyAnswers;
import java.util.List;
import java.util.SortedMap;

/**
 * What was answered: counts per answer and free texts (no member, no time), and for named runs each
 * person's answers.
 */
public interface SurveyAnswers {

  static SurveyAnswers in(Store store) {
    return new JpaSurveyAnswers(store);
  }

  /** Creates a count, in the order of calls (send time creates them all, in answer order). */
  void addTally(SurveyTally tally);

  /** Adds one to the count of {@code answer}, creating it when missing. */
  void count(long runId, int question, int answer);

  /** The counts of one question, by answer. */
  SortedMap<Integer, Long> tally(long runId, int question);

  /** The free-text answers of one question, sorted so that their order says nothing. */
  List<String> texts(long runId, int question);

  /** How many free-text answers a question has. */
  long textCount(long runId, int question);

  /**
   * The free-text answer at {@code index} (0 ≤ index &lt; {@link #textCount}) in whatever order the
   * store reads them: with a uniformly random index, a uniformly random answer.
   */
  SurveyText textAt(long runId, int question, long index);

  /** Replaces the text of one free-text answer, in place: the row keeps its place and id. */
  void retext(long id, String text);

  /** Adds one free-text answer row. */
  void addText(SurveyText text);

  void addNamed(SurveyNamedAnswer answer);
}
