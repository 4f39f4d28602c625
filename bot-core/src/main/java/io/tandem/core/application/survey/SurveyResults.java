package io.tandem.core.application.survey;

import io.tandem.core.application.survey.SurveyTemplate.Question;
import io.tandem.core.application.survey.SurveyTemplate.Type;
import io.tandem.core.port.in.Reply;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's results as admins read them. Nothing about the answers is shown for fewer respondents
 * than the anonymity threshold; free text needs {@link SurveySettings#textThreshold()} answers.
 */
record SurveyResults(String summary, List<Reply.Field> fields) {

  static final String NOT_ENOUGH = "not enough responses";

  static SurveyResults read(EntityManager em, SurveyRun run, SurveySettings settings, Instant now) {
    long answered = Surveys.answeredCount(em, run.id());
    int rate = run.invited() == 0 ? 0 : (int) Math.round(100.0 * answered / run.invited());
    String summary =
        "*"
            + run.title()
            + "* (run #"
            + run.id()
            + ", "
            + (run.anonymous() ? "anonymous" : "named")
            + ", "
            + (run.closedAt(now) ? "closed" : "open until " + Surveys.day(run.closesAt()))
            + "): "
            + answered
            + " of "
            + run.invited()
            + " answered ("
            + rate
            + "%).";
    List<Reply.Field> fields = new ArrayList<>();
    if (answered < settings.anonymityThreshold()) {
      return new SurveyResults(
          summary
              + "\nResults: "
              + NOT_ENOUGH
              + " (they show from "
              + settings.anonymityThreshold()
              + " answers, so nobody can be singled out).",
          fields);
    }
    Optional<SurveyRun> previous = previous(em, run, settings);
    for (int index = 0; index < run.questions().size(); index++) {
      final int i = index;
      final Question q = run.questions().get(i);
      String label = (i + 1) + ". " + q.text();
      if (q.type() == Type.TEXT) {
        List<String> texts = texts(em, run.id(), i);
        fields.add(
            new Reply.Field(
                label,
                texts.size() < settings.textThreshold()
                    ? NOT_ENOUGH
                        + " ("
                        + texts.size()
                        + " comments; they show from "
                        + settings.textThreshold()
                        + ")"
                    : "• " + String.join("\n• ", texts)));
        continue;
      }
      TreeMap<Integer, Long> tally = tally(em, run.id(), i);
      long count = tally.values().stream().mapToLong(Long::longValue).sum();
      if (count < settings.anonymityThreshold()) {
        fields.add(new Reply.Field(label, NOT_ENOUGH));
        continue;
      }
      StringBuilder value = new StringBuilder(distribution(q, tally));
      if (q.type() == Type.LIKERT || q.type() == Type.NPS) {
        double mean = mean(tally);
        value.append(String.format(Locale.ROOT, "\nMean %.1f", mean));
        Integer nps = q.type() == Type.NPS ? nps(tally) : null;
        if (nps != null) {
          value.append(" · NPS ").append(signed(nps));
        }
        Optional<TreeMap<Integer, Long>> before =
            previous
                .filter(p -> p.questions().size() > i && p.questions().get(i).type() == q.type())
                .map(p -> tally(em, p.id(), i))
                .filter(
                    t ->
                        t.values().stream().mapToLong(Long::longValue).sum()
                            >= settings.anonymityThreshold());
        if (before.isPresent()) {
          value
              .append(" · since run #")
              .append(previous.get().id())
              .append(": mean ")
              .append(String.format(Locale.ROOT, "%+.1f", mean - mean(before.get())));
          if (nps != null) {
            value.append(", NPS ").append(signed(nps - nps(before.get())));
          }
        }
      }
      fields.add(new Reply.Field(label, value.toString()));
    }
    if (previous.isEmpty()) {
      summary += "\nNo earlier run of this survey to compare with.";
    }
    return new SurveyResults(summary, fields);
  }

  private static String distribution(Question q, TreeMap<Integer, Long> tally) {
    List<String> parts = new ArrayList<>();
    for (int v = q.type().low(); v <= q.type().high(q); v++) {
      String name = q.type() == Type.CHOICE ? q.choices().get(v) : Integer.toString(v);
      parts.add(name + ": " + tally.getOrDefault(v, 0L));
    }
    return String.join(" · ", parts);
  }

  static double mean(TreeMap<Integer, Long> tally) {
    long n = 0;
    long sum = 0;
    for (var e : tally.entrySet()) {
      n += e.getValue();
      sum += e.getKey() * e.getValue();
    }
    return n == 0 ? 0 : (double) sum / n;
  }

  /** Promoters (9–10) minus detractors (0–6), in percent of all answers. */
  static int nps(TreeMap<Integer, Long> tally) {
    long n = tally.values().stream().mapToLong(Long::longValue).sum();
    long promoters = tally.tailMap(9).values().stream().mapToLong(Long::longValue).sum();
    long detractors = tally.headMap(7).values().stream().mapToLong(Long::longValue).sum();
    return n == 0 ? 0 : (int) Math.round(100.0 * (promoters - detractors) / n);
  }

  private static String signed(int value) {
    return value > 0 ? "+" + value : Integer.toString(value);
  }

  private static Optional<SurveyRun> previous(
      EntityManager em, SurveyRun run, SurveySettings settings) {
    Query query =
        em.createNativeQuery(
            "SELECT id FROM survey_run WHERE program_id = ? AND template_id = ? AND id < ?"
                + " ORDER BY id DESC");
    query.setParameter(1, run.programId());
    query.setParameter(2, run.templateId());
    query.setParameter(3, run.id());
    query.setMaxResults(1);
    List<?> rows = query.getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    long id = SurveyRun.num(rows.get(0));
    return Surveys.run(em, id)
        .filter(p -> Surveys.answeredCount(em, p.id()) >= settings.anonymityThreshold());
  }

  static TreeMap<Integer, Long> tally(EntityManager em, long runId, int question) {
    Query query =
        em.createNativeQuery(
            "SELECT answer, responses FROM survey_tally WHERE run_id = ? AND question = ?");
    query.setParameter(1, runId);
    query.setParameter(2, question);
    TreeMap<Integer, Long> tally = new TreeMap<>();
    for (Object raw : query.getResultList()) {
      Object[] row = (Object[]) raw;
      tally.put((int) SurveyRun.num(row[0]), SurveyRun.num(row[1]));
    }
    return tally;
  }

  /** Free-text answers, sorted so that their order says nothing about who wrote them. */
  private static List<String> texts(EntityManager em, long runId, int question) {
    Query query =
        em.createNativeQuery(
            "SELECT text FROM survey_text WHERE run_id = ? AND question = ? ORDER BY text");
    query.setParameter(1, runId);
    query.setParameter(2, question);
    return ((List<?>) query.getResultList()).stream().map(String::valueOf).toList();
  }
}
