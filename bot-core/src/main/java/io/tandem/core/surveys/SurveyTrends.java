package io.tandem.core.surveys;

import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyTemplate.Question;
import io.tandem.core.surveys.SurveyTemplate.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Survey trends for reports: for each template sent in a program and each of its rating questions
 * (likert, NPS), the mean of every run in a period. Follows the same anonymity rules as {@code
 * survey results}: a run with fewer answers than the threshold, or a question with fewer answers
 * than it, shows no numbers; free text is never part of a trend.
 */
public final class SurveyTrends {

  private SurveyTrends() {}

  /** The trends of the runs opened in {@code [from, to)}, by template id then question. */
  public static List<SurveyTrend> read(
      Store store, long programId, Instant from, Instant to, SurveySettings settings) {
    SurveyInvitees invitees = SurveyInvitees.in(store);
    SurveyAnswers answers = SurveyAnswers.in(store);
    Map<String, List<SurveyTrend.Point>> points = new LinkedHashMap<>();
    Map<String, SurveyTrend> labels = new LinkedHashMap<>();
    for (SurveyRun run : SurveyRuns.in(store).openedIn(programId, from, to)) {
      long answered = invitees.answeredCount(run.id());
      for (int i = 0; i < run.questions().size(); i++) {
        Question q = run.questions().get(i);
        if (q.type() != Type.LIKERT && q.type() != Type.NPS) {
          continue;
        }
        String key = run.templateId() + "\u0000" + i + "\u0000" + q.type();
        labels.putIfAbsent(
            key,
            new SurveyTrend(
                run.templateId(),
                run.title(),
                i,
                q.text(),
                q.type().name().toLowerCase(Locale.ROOT),
                List.of()));
        points
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(point(answers, run, i, q, answered, settings));
      }
    }
    List<SurveyTrend> trends = new ArrayList<>();
    labels.forEach(
        (key, l) ->
            trends.add(
                new SurveyTrend(
                    l.templateId(), l.title(), l.question(), l.text(), l.type(), points.get(key))));
    return trends;
  }

  private static SurveyTrend.Point point(
      SurveyAnswers answers,
      SurveyRun run,
      int question,
      Question q,
      long answered,
      SurveySettings s) {
    SortedMap<Integer, Long> tally =
        answered < s.anonymityThreshold() ? new TreeMap<>() : answers.tally(run.id(), question);
    long count = tally.values().stream().mapToLong(Long::longValue).sum();
    if (answered < s.anonymityThreshold() || count < s.anonymityThreshold()) {
      return new SurveyTrend.Point(
          run.id(), run.openedAt(), run.invited(), answered, null, null, true);
    }
    return new SurveyTrend.Point(
        run.id(),
        run.openedAt(),
        run.invited(),
        answered,
        SurveyResults.mean(tally),
        q.type() == Type.NPS ? SurveyResults.nps(tally) : null,
        false);
  }
}
