package io.tandem.core.surveys;

import io.tandem.core.surveys.SurveyTemplate.Question;
import io.tandem.core.surveys.SurveyTemplate.Type;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      EntityManager em, long programId, Instant from, Instant to, SurveySettings settings) {
    Query query =
        em.createNativeQuery(
            "SELECT "
                + SurveyRun.COLUMNS
                + " FROM survey_run WHERE program_id = ? AND opened_at >= ? AND opened_at < ?"
                + " ORDER BY template_id, opened_at, id");
    query.setParameter(1, programId);
    query.setParameter(2, from.toEpochMilli());
    query.setParameter(3, to.toEpochMilli());
    Map<String, List<SurveyTrend.Point>> points = new LinkedHashMap<>();
    Map<String, String[]> labels = new LinkedHashMap<>();
    for (Object raw : query.getResultList()) {
      SurveyRun run = SurveyRun.of((Object[]) raw);
      long answered = Surveys.answeredCount(em, run.id());
      for (int i = 0; i < run.questions().size(); i++) {
        Question q = run.questions().get(i);
        if (q.type() != Type.LIKERT && q.type() != Type.NPS) {
          continue;
        }
        String key = run.templateId() + "\u0000" + i + "\u0000" + q.type();
        labels.putIfAbsent(
            key,
            new String[] {
              run.templateId(),
              run.title(),
              Integer.toString(i),
              q.text(),
              q.type().name().toLowerCase(Locale.ROOT)
            });
        points
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(point(em, run, i, q, answered, settings));
      }
    }
    List<SurveyTrend> trends = new ArrayList<>();
    labels.forEach(
        (key, l) ->
            trends.add(
                new SurveyTrend(l[0], l[1], Integer.parseInt(l[2]), l[3], l[4], points.get(key))));
    return trends;
  }

  private static SurveyTrend.Point point(
      EntityManager em, SurveyRun run, int question, Question q, long answered, SurveySettings s) {
    TreeMap<Integer, Long> tally =
        answered < s.anonymityThreshold()
            ? new TreeMap<>()
            : SurveyResults.tally(em, run.id(), question);
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
