package io.tandem.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Pulse surveys ({@code surveys}): the anonymity threshold and the templates added to the shipped
 * ones ({@code monthly-pulse}, {@code mid-program}, {@code end-of-program}). A template with a
 * shipped id replaces it. The core turns these into its own survey settings; both follow {@link
 * SurveyRules}, so a file that loads always starts.
 *
 * @param anonymityThreshold the fewest answers any result is shown for; never below {@value
 *     #MIN_THRESHOLD}
 * @param templates in file order
 */
public record SurveysConfig(
    @Range(
            min = SurveyRules.MIN_THRESHOLD,
            max = SurveyRules.MAX_THRESHOLD,
            message = SurveyRules.THRESHOLD_EXPECTED)
        int anonymityThreshold,
    List<Template> templates) {

  public static final int DEFAULT_THRESHOLD = SurveyRules.DEFAULT_THRESHOLD;
  public static final int MIN_THRESHOLD = SurveyRules.MIN_THRESHOLD;
  public static final int MAX_THRESHOLD = SurveyRules.MAX_THRESHOLD;
  public static final int MAX_QUESTIONS = SurveyRules.MAX_QUESTIONS;
  public static final Duration DEFAULT_OPEN_FOR = Duration.ofDays(5);
  public static final Duration DEFAULT_REMIND_AFTER = Duration.ofDays(3);

  public SurveysConfig {
    SurveyRules.require(SurveyRules.threshold(anonymityThreshold), "anonymityThreshold");
    templates = List.copyOf(templates);
  }

  public static SurveysConfig defaults() {
    return new SurveysConfig(DEFAULT_THRESHOLD, List.of());
  }

  /** Who gets a survey. */
  public enum Audience {
    ALL,
    MENTORS,
    MENTEES;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** likert 1–5, nps 0–10, choice (one of {@code choices}), free text. */
  public enum QuestionType {
    LIKERT,
    NPS,
    CHOICE,
    TEXT;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code surveys.templates.<id>.questions[i]}; {@code choices} only for choice (two or more). */
  public record Question(
      @NotNull(message = "is required (likert, nps, choice or text)") QuestionType type,
      @NotNull(message = "is required (the question people read)") String text,
      List<String> choices) {
    public Question {
      Objects.requireNonNull(type, "type");
      SurveyRules.require(SurveyRules.questionText(text), "text");
      text = text.strip();
      choices = Text.immutableList(choices);
      SurveyRules.require(SurveyRules.choices(type.yamlName(), choices), "choices");
    }
  }

  /**
   * {@code surveys.templates.<id>}.
   *
   * @param id the name admins type in {@code survey send <id>}
   * @param remindAfter non-respondents are reminded this long after sending; shorter than {@code
   *     openFor}
   */
  public record Template(
      String id,
      String title,
      boolean anonymous,
      Audience audience,
      @DurationMin(hours = 1, message = OPEN_FOR_EXPECTED)
          @DurationMax(days = 90, message = OPEN_FOR_EXPECTED)
          Duration openFor,
      @DurationMin(message = REMIND_AFTER_EXPECTED)
          @DurationMax(days = 90, message = REMIND_AFTER_EXPECTED)
          Duration remindAfter,
      List<Question> questions) {

    static final String OPEN_FOR_EXPECTED = "is not a duration between 1h and 90d (like 5d, 36h)";
    static final String REMIND_AFTER_EXPECTED = "is not a duration up to 90d (like 3d, 48h)";

    public Template {
      SurveyRules.require(SurveyRules.templateId(id), "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(openFor, "openFor");
      Objects.requireNonNull(remindAfter, "remindAfter");
      questions = List.copyOf(questions);
      SurveyRules.require(SurveyRules.questionCount(questions.size()), "questions");
      SurveyRules.require(SurveyRules.timing(openFor, remindAfter), "remindAfter");
    }
  }
}
