package io.tandem.core.surveys;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.reports.chart.Chart;
import io.tandem.core.surveys.SurveyTemplate.Question;
import io.tandem.core.surveys.SurveyTemplate.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * A run's results with the anonymity rules already applied. {@link SurveyResultsReader} is the one
 * way to read survey results: chat, the report, CSV export and every API go through it, so none of
 * them can show what it withholds.
 *
 * <ul>
 *   <li>Fewer answers than the anonymity threshold ({@link SurveySettings#anonymityThreshold()},
 *       default 5, never below 3): no question is {@linkplain QuestionResult#shown() shown}: no
 *       counts, means, NPS, texts or charts; only how many answered.
 *   <li>A scale or choice question is shown from that many answers to it; free text only from
 *       {@link SurveySettings#textThreshold()} texts (10), sorted, so their order says nothing.
 *   <li>The comparison with the previous run of the same template in the program is made only when
 *       that run also had enough answers.
 * </ul>
 *
 * @param runId the run's number, as admins see it
 * @param templateId the template it was sent from
 * @param title its title
 * @param anonymous whether answers were stored without names
 * @param closed whether it is closed at the time of reading
 * @param closesAt when it closes or closed
 * @param invited how many people it was sent to
 * @param answered how many answered (never who)
 * @param threshold the anonymity threshold applied
 * @param textThreshold how many free-text answers a question needs before they show
 * @param previousRunId the earlier run compared with, or {@code null} when there is none with
 *     enough answers
 * @param questions one per question, in order
 */
public record SurveyResults(
    long runId,
    String templateId,
    String title,
    boolean anonymous,
    boolean closed,
    Instant closesAt,
    int invited,
    long answered,
    int threshold,
    int textThreshold,
    Long previousRunId,
    List<QuestionResult> questions) {

  /** What results show instead of anything below the threshold. */
  public static final String NOT_ENOUGH = "not enough responses";

  /**
   * One question's results.
   *
   * @param number 1-based
   * @param text the question
   * @param type its type
   * @param shown whether anything about the answers may be shown; when false every list below is
   *     empty and every number {@code null}
   * @param answers how many answered this question (free text: how many wrote something)
   * @param labels the possible answers in order ({@code "1"}…{@code "5"}, {@code "0"}…{@code "10"},
   *     or the choices); empty for free text
   * @param counts how many gave each answer, parallel to {@code labels}
   * @param mean the mean answer of a likert or NPS question
   * @param nps promoters (9–10) minus detractors (0–6), in percent of all answers; NPS only
   * @param previousCounts the previous run's counts, parallel to {@code labels}; empty when there
   *     is no comparable previous run
   * @param meanChange the change of the mean since the previous run
   * @param npsChange the change of the NPS since the previous run
   * @param texts the free-text answers, sorted
   */
  public record QuestionResult(
      int number,
      String text,
      Type type,
      boolean shown,
      long answers,
      List<String> labels,
      List<Long> counts,
      Double mean,
      Integer nps,
      List<Long> previousCounts,
      Double meanChange,
      Integer npsChange,
      List<String> texts) {

    public QuestionResult {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(type, "type");
      labels = List.copyOf(labels);
      counts = List.copyOf(counts);
      previousCounts = List.copyOf(previousCounts);
      texts = List.copyOf(texts);
      if (!shown
          && (!counts.isEmpty()
              || !texts.isEmpty()
              || !previousCounts.isEmpty()
              || mean != null
              || nps != null)) {
        throw new IllegalArgumentException("a hidden question carries no results");
      }
    }

    static QuestionResult hidden(int number, Question q, long answers) {
      return new QuestionResult(
          number,
          q.text(),
          q.type(),
          false,
          answers,
          SurveyResults.labels(q),
          List.of(),
          null,
          null,
          List.of(),
          null,
          null,
          List.of());
    }

    static QuestionResult texts(int number, Question q, List<String> texts) {
      return new QuestionResult(
          number,
          q.text(),
          q.type(),
          true,
          texts.size(),
          List.of(),
          List.of(),
          null,
          null,
          List.of(),
          null,
          null,
          texts);
    }

    /**
     * The distribution as a bar chart (this run, and the previous one beside it when comparable);
     * empty when the question is not shown or is free text.
     */
    public Optional<Chart> chart(long runId, Long previousRunId) {
      if (!shown || type == Type.TEXT) {
        return Optional.empty();
      }
      List<Chart.Series> series = new ArrayList<>();
      series.add(new Chart.Series("run #" + runId, doubles(counts)));
      if (!previousCounts.isEmpty() && previousRunId != null) {
        series.add(new Chart.Series("run #" + previousRunId, doubles(previousCounts)));
      }
      String axis =
          switch (type) {
            case LIKERT -> "answer (1 = strongly disagree, 5 = strongly agree)";
            case NPS -> "answer (0 = not at all likely, 10 = extremely likely)";
            default -> "answer";
          };
      boolean longLabels = labels.stream().anyMatch(l -> l.length() > 12);
      return Optional.of(
          new Chart(
              longLabels ? Chart.Kind.HORIZONTAL_BAR : Chart.Kind.BAR,
              number + ". " + text,
              axis,
              "people",
              unique(labels),
              series));
    }
  }

  public SurveyResults {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(closesAt, "closesAt");
    questions = List.copyOf(questions);
  }

  /** Whether enough people answered for anything beyond the response rate to show. */
  public boolean enoughResponses() {
    return answered >= threshold;
  }

  /** Answered out of invited, in whole percent. */
  public int responseRate() {
    return invited == 0 ? 0 : (int) Math.round(100.0 * answered / invited);
  }

  /** One chart per shown scale or choice question; none below the threshold. */
  public List<ChartAttachment> charts() {
    List<ChartAttachment> charts = new ArrayList<>();
    for (QuestionResult q : questions) {
      q.chart(runId, previousRunId)
          .ifPresent(
              chart ->
                  charts.add(
                      new ChartAttachment("survey-" + runId + "-q" + q.number() + ".png", chart)));
    }
    return charts;
  }

  /** The results as a chat message: the summary line, then one field per question. */
  public Reply reply() {
    String summary =
        "*"
            + Markup.text(title)
            + "* (run #"
            + runId
            + ", "
            + (anonymous ? "anonymous" : "named")
            + ", "
            + (closed ? "closed" : "open until " + SurveyTimes.day(closesAt))
            + "): "
            + answered
            + " of "
            + invited
            + " answered ("
            + responseRate()
            + "%).";
    List<Reply.Field> fields = new ArrayList<>();
    if (!enoughResponses()) {
      return Reply.info(
          summary
              + "\nResults: "
              + NOT_ENOUGH
              + " (they show from "
              + threshold
              + " answers, so nobody can be singled out).",
          fields);
    }
    for (QuestionResult q : questions) {
      fields.add(new Reply.Field(q.number() + ". " + Markup.text(q.text()), value(q)));
    }
    if (previousRunId == null) {
      summary += "\nNo earlier run of this survey to compare with.";
    }
    return Reply.info(summary, fields);
  }

  private String value(QuestionResult q) {
    if (!q.shown()) {
      return q.type() == Type.TEXT
          ? NOT_ENOUGH + " (" + q.answers() + " comments; they show from " + textThreshold + ")"
          : NOT_ENOUGH;
    }
    if (q.type() == Type.TEXT) {
      return "• " + q.texts().stream().map(Markup::text).collect(Collectors.joining("\n• "));
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < q.labels().size(); i++) {
      parts.add(Markup.text(q.labels().get(i)) + ": " + q.counts().get(i));
    }
    StringBuilder value = new StringBuilder(String.join(" · ", parts));
    if (q.mean() != null) {
      value.append(String.format(Locale.ROOT, "\nMean %.1f", q.mean()));
      if (q.nps() != null) {
        value.append(" · NPS ").append(signed(q.nps()));
      }
      if (q.meanChange() != null) {
        value
            .append(" · since run #")
            .append(previousRunId)
            .append(": mean ")
            .append(String.format(Locale.ROOT, "%+.1f", q.meanChange()));
        if (q.npsChange() != null) {
          value.append(", NPS ").append(signed(q.npsChange()));
        }
      }
    }
    return value.toString();
  }

  static List<String> labels(Question q) {
    if (q.type() == Type.TEXT) {
      return List.of();
    }
    List<String> labels = new ArrayList<>();
    for (int v = q.type().low(); v <= q.type().high(q); v++) {
      labels.add(q.type() == Type.CHOICE ? q.choices().get(v) : Integer.toString(v));
    }
    return labels;
  }

  static List<Long> counts(Question q, SortedMap<Integer, Long> tally) {
    List<Long> counts = new ArrayList<>();
    for (int v = q.type().low(); v <= q.type().high(q); v++) {
      counts.add(tally.getOrDefault(v, 0L));
    }
    return counts;
  }

  private static List<Double> doubles(List<Long> counts) {
    return counts.stream().map(Long::doubleValue).toList();
  }

  /** Chart categories must differ: a repeated choice gets its position added. */
  private static List<String> unique(List<String> labels) {
    Set<String> seen = new HashSet<>();
    List<String> unique = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      unique.add(seen.add(label) ? label : label + " (" + (i + 1) + ")");
    }
    return unique;
  }

  static double mean(SortedMap<Integer, Long> tally) {
    long n = 0;
    long sum = 0;
    for (var e : tally.entrySet()) {
      n += e.getValue();
      sum += e.getKey() * e.getValue();
    }
    return n == 0 ? 0 : (double) sum / n;
  }

  /** Promoters (9–10) minus detractors (0–6), in percent of all answers. */
  static int nps(SortedMap<Integer, Long> tally) {
    long n = tally.values().stream().mapToLong(Long::longValue).sum();
    long promoters = tally.tailMap(9).values().stream().mapToLong(Long::longValue).sum();
    long detractors = tally.headMap(7).values().stream().mapToLong(Long::longValue).sum();
    return n == 0 ? 0 : (int) Math.round(100.0 * (promoters - detractors) / n);
  }

  private static String signed(int value) {
    return value > 0 ? "+" + value : Integer.toString(value);
  }
}
