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

  /** Replaces a question's free-text answers with {@code texts}, stored in the given order. */
  void replaceTexts(long runId, int question, List<SurveyText> texts);

  void addNamed(SurveyNamedAnswer answer);
}
