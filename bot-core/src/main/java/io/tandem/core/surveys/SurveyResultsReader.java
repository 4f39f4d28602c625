package io.tandem.core.surveys;

import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyResults.QuestionResult;
import io.tandem.core.surveys.SurveyTemplate.Question;
import io.tandem.core.surveys.SurveyTemplate.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Reads a run's {@link SurveyResults}, thresholds applied: the one way to read survey results (see
 * that class for the rules), in the caller's transaction.
 */
final class SurveyResultsReader {

  private final SurveyRuns runs;
  private final SurveyInvitees invitees;
  private final SurveyAnswers answers;
  private final SurveySettings settings;

  SurveyResultsReader(Store store, SurveySettings settings) {
    this.runs = SurveyRuns.in(store);
    this.invitees = SurveyInvitees.in(store);
    this.answers = SurveyAnswers.in(store);
    this.settings = settings;
  }

  SurveyResults read(SurveyRun run, Instant now) {
    long answered = invitees.answeredCount(run.id());
    int threshold = settings.anonymityThreshold();
    List<QuestionResult> questions = new ArrayList<>();
    if (answered < threshold) {
      for (int i = 0; i < run.questions().size(); i++) {
        questions.add(QuestionResult.hidden(i + 1, run.questions().get(i), answered));
      }
      return results(run, answered, now, null, questions);
    }
    Optional<SurveyRun> previous =
        runs.previous(run).filter(p -> invitees.answeredCount(p.id()) >= threshold);
    for (int index = 0; index < run.questions().size(); index++) {
      final int i = index;
      Question q = run.questions().get(i);
      questions.add(
          q.type() == Type.TEXT
              ? texts(run, i, q)
              : rated(run, i, q, previous.filter(p -> sameQuestion(p, i, q))));
    }
    return results(run, answered, now, previous.map(SurveyRun::id).orElse(null), questions);
  }

  private static boolean sameQuestion(SurveyRun previous, int i, Question q) {
    return previous.questions().size() > i && previous.questions().get(i).equals(q);
  }

  private QuestionResult texts(SurveyRun run, int i, Question q) {
    List<String> texts = answers.texts(run.id(), i);
    if (texts.size() < settings.textThreshold()) {
      return QuestionResult.hidden(i + 1, q, texts.size());
    }
    return QuestionResult.texts(i + 1, q, texts);
  }

  private QuestionResult rated(SurveyRun run, int i, Question q, Optional<SurveyRun> previous) {
    int threshold = settings.anonymityThreshold();
    SortedMap<Integer, Long> tally = answers.tally(run.id(), i);
    long count = sum(tally);
    if (count < threshold) {
      return QuestionResult.hidden(i + 1, q, count);
    }
    boolean scale = q.type() == Type.LIKERT || q.type() == Type.NPS;
    Double mean = scale ? SurveyResults.mean(tally) : null;
    Integer nps = q.type() == Type.NPS ? SurveyResults.nps(tally) : null;
    Optional<SortedMap<Integer, Long>> before =
        previous.map(p -> answers.tally(p.id(), i)).filter(t -> sum(t) >= threshold);
    return new QuestionResult(
        i + 1,
        q.text(),
        q.type(),
        true,
        count,
        SurveyResults.labels(q),
        SurveyResults.counts(q, tally),
        mean,
        nps,
        before.map(t -> SurveyResults.counts(q, t)).orElse(List.of()),
        before.filter(t -> scale).map(t -> mean - SurveyResults.mean(t)).orElse(null),
        before.filter(t -> nps != null).map(t -> nps - SurveyResults.nps(t)).orElse(null),
        List.of());
  }

  private static long sum(SortedMap<Integer, Long> tally) {
    return tally.values().stream().mapToLong(Long::longValue).sum();
  }

  private SurveyResults results(
      SurveyRun run,
      long answered,
      Instant now,
      Long previousRunId,
      List<QuestionResult> questions) {
    return new SurveyResults(
        run.id(),
        run.templateId(),
        run.title(),
        run.anonymous(),
        run.closedAt(now),
        run.closesOrClosedAt(),
        run.invited(),
        answered,
        settings.anonymityThreshold(),
        settings.textThreshold(),
        previousRunId,
        questions);
  }
}
