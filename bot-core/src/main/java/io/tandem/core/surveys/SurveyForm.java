package io.tandem.core.surveys;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.surveys.SurveyTemplate.Question;
import io.tandem.core.surveys.SurveyTemplate.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run's answer form, and reading what people typed into it. */
final class SurveyForm {

  static final String FORM_PREFIX = "survey:";
  private static final int MAX_TEXT = 2000;
  private static final int MAX_LABEL = 45;

  private SurveyForm() {}

  /** One answer: a scale or choice {@code value}, or a free {@code text}. */
  record Answer(int question, Integer value, String text) {}

  /** What a submitted form holds: the answers, or the input to correct and why. */
  record Parsed(List<Answer> answers, String badInput, String problem) {}

  /** Whether the run is answered with one click in its DM rather than a form. */
  static boolean inline(SurveyRun run) {
    return run.questions().size() == 1
        && (run.questions().get(0).type() == Type.LIKERT
            || run.questions().get(0).type() == Type.NPS);
  }

  static Reply.Form form(SurveyRun run) {
    List<Reply.Input> inputs = new ArrayList<>();
    for (int i = 0; i < run.questions().size(); i++) {
      Question q = run.questions().get(i);
      String placeholder =
          switch (q.type()) {
            case LIKERT -> "1 (strongly disagree) to 5 (strongly agree)";
            case NPS -> "0 (not at all likely) to 10 (extremely likely)";
            case CHOICE -> "One of: " + String.join(", ", q.choices());
            case TEXT -> "Optional";
          };
      boolean text = q.type() == Type.TEXT;
      inputs.add(
          new Reply.Input(
              "q" + (i + 1),
              shorten((i + 1) + ". " + Markup.text(q.text())),
              text,
              text,
              null,
              placeholder));
    }
    return new Reply.Form(FORM_PREFIX + run.id(), shorten(run.title()), "Send answers", inputs);
  }

  private static String shorten(String label) {
    return label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
  }

  /** The form again with what the person typed, to correct one input. */
  static Reply.Form refill(Reply.Form form, Map<String, String> values) {
    return new Reply.Form(
        form.formId(),
        form.title(),
        form.submitLabel(),
        form.inputs().stream()
            .map(in -> in.withInitialValue(values.getOrDefault(in.id(), "")))
            .toList());
  }

  /** Reads a submitted form; blank free text is no answer, anything else must be valid. */
  static Parsed parse(SurveyRun run, Map<String, String> values) {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < run.questions().size(); i++) {
      Question q = run.questions().get(i);
      String inputId = "q" + (i + 1);
      String raw = values.getOrDefault(inputId, "").strip();
      if (q.type() == Type.TEXT) {
        if (!raw.isEmpty()) {
          answers.add(
              new Answer(i, null, raw.length() > MAX_TEXT ? raw.substring(0, MAX_TEXT) : raw));
        }
        continue;
      }
      Optional<Integer> value = parse(q, raw);
      if (value.isEmpty()) {
        return new Parsed(List.of(), inputId, SurveyMessages.badAnswer(i + 1, q));
      }
      answers.add(new Answer(i, value.get(), null));
    }
    return new Parsed(answers, null, null);
  }

  static Optional<Integer> parse(Question q, String raw) {
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (q.type() == Type.CHOICE) {
      for (int c = 0; c < q.choices().size(); c++) {
        if (q.choices().get(c).equalsIgnoreCase(raw)) {
          return Optional.of(c);
        }
      }
      if (raw.matches("\\d{1,2}")) {
        int n = Integer.parseInt(raw);
        return n >= 1 && n <= q.choices().size() ? Optional.of(n - 1) : Optional.empty();
      }
      return Optional.empty();
    }
    if (!raw.matches("\\d{1,2}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(raw);
    return n >= q.type().low() && n <= q.type().high(q) ? Optional.of(n) : Optional.empty();
  }
}
