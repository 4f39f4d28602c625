package io.tandem.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Pulse surveys ({@code surveys}): the anonymity threshold and the templates added to the shipped
 * ones ({@code monthly-pulse}, {@code mid-program}, {@code end-of-program}). A template with a
 * shipped id replaces it. The core turns these into its own survey settings; the rules checked here
 * are the ones the core enforces, so a file that loads always starts.
 *
 * @param anonymityThreshold the fewest answers any result is shown for; never below {@value
 *     #MIN_THRESHOLD}
 * @param templates in file order
 */
public record SurveysConfig(int anonymityThreshold, List<Template> templates) {

  public static final int DEFAULT_THRESHOLD = 5;
  public static final int MIN_THRESHOLD = 3;
  public static final int MAX_THRESHOLD = 1000;
  public static final int MAX_QUESTIONS = 5;
  public static final Duration DEFAULT_OPEN_FOR = Duration.ofDays(5);
  public static final Duration DEFAULT_REMIND_AFTER = Duration.ofDays(3);

  public SurveysConfig {
    SlackRateLimits.requireRange(
        anonymityThreshold, MIN_THRESHOLD, MAX_THRESHOLD, "anonymityThreshold");
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

    static Optional<Audience> fromYaml(String text) {
      return parse(values(), text);
    }

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

    static Optional<QuestionType> fromYaml(String text) {
      return parse(values(), text);
    }

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code surveys.templates.<id>.questions[i]}; {@code choices} only for choice (two or more). */
  public record Question(QuestionType type, String text, List<String> choices) {
    public Question {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(text, "text");
      choices = Text.immutableList(choices);
      if (type == QuestionType.CHOICE ? choices.size() < 2 : !choices.isEmpty()) {
        throw new IllegalArgumentException("only choice questions have choices, two or more");
      }
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
      Duration openFor,
      Duration remindAfter,
      List<Question> questions) {
    public Template {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(openFor, "openFor");
      Objects.requireNonNull(remindAfter, "remindAfter");
      questions = List.copyOf(questions);
      if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
        throw new IllegalArgumentException("a survey has 1 to " + MAX_QUESTIONS + " questions");
      }
      if (remindAfter.isNegative() || remindAfter.compareTo(openFor) >= 0) {
        throw new IllegalArgumentException("remindAfter must be shorter than openFor");
      }
    }
  }

  private static <E extends Enum<E>> Optional<E> parse(E[] values, String text) {
    for (E value : values) {
      if (value.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
