package io.tandem.core.surveys;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A pulse survey as admins send it: its questions, who gets it, how long it stays open and when
 * non-respondents are reminded. Shipped defaults are in {@link SurveySettings#defaults()}; more
 * come from {@code surveys.templates} in {@code tandem.yml}.
 *
 * @param id the name admins type, e.g. {@code monthly-pulse}
 * @param anonymous whether answers are stored without any link to the person
 * @param remindAfter how long after sending non-respondents are reminded; shorter than {@code
 *     openFor}
 */
public record SurveyTemplate(
    String id,
    String title,
    boolean anonymous,
    Audience audience,
    Duration openFor,
    Duration remindAfter,
    List<Question> questions) {

  /** Discord modals hold five inputs; a template never needs more than one form. */
  public static final int MAX_QUESTIONS = 5;

  public enum Audience {
    ALL,
    MENTORS,
    MENTEES;

    public static Optional<Audience> parse(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "all" -> Optional.of(ALL);
        case "mentors" -> Optional.of(MENTORS);
        case "mentees" -> Optional.of(MENTEES);
        default -> Optional.empty();
      };
    }
  }

  public enum Type {
    /** 1 (strongly disagree) to 5 (strongly agree). */
    LIKERT,
    /** 0 to 10: how likely to recommend. */
    NPS,
    CHOICE,
    TEXT;

    public static Optional<Type> parse(String text) {
      for (Type type : values()) {
        if (type.name().equalsIgnoreCase(text.strip())) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }

    /** The lowest and highest answer for a scale; choices count from 0. */
    int low() {
      return this == LIKERT ? 1 : 0;
    }

    int high(Question question) {
      return switch (this) {
        case LIKERT -> 5;
        case NPS -> 10;
        case CHOICE -> question.choices().size() - 1;
        case TEXT -> -1;
      };
    }
  }

  /** One question; {@code choices} only for {@link Type#CHOICE} (at least two). */
  public record Question(Type type, String text, List<String> choices) {
    public Question {
      Objects.requireNonNull(type, "type");
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("a question needs text");
      }
      text = text.strip();
      choices = choices == null ? List.of() : List.copyOf(choices);
      if (type == Type.CHOICE && choices.size() < 2) {
        throw new IllegalArgumentException("a choice question needs at least two choices");
      }
      if (type != Type.CHOICE && !choices.isEmpty()) {
        throw new IllegalArgumentException("only choice questions have choices");
      }
    }

    public static Question likert(String text) {
      return new Question(Type.LIKERT, text, List.of());
    }

    public static Question nps(String text) {
      return new Question(Type.NPS, text, List.of());
    }

    public static Question text(String text) {
      return new Question(Type.TEXT, text, List.of());
    }
  }

  public SurveyTemplate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(openFor, "openFor");
    Objects.requireNonNull(remindAfter, "remindAfter");
    questions = List.copyOf(questions);
    if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
      throw new IllegalArgumentException("a survey has 1 to " + MAX_QUESTIONS + " questions");
    }
    if (remindAfter.compareTo(openFor) >= 0 || remindAfter.isNegative() || openFor.isZero()) {
      throw new IllegalArgumentException("remind after must be shorter than open for");
    }
  }

  /** A single scale question is answered with one click; anything else opens a form. */
  public boolean answersInline() {
    return questions.size() == 1
        && (questions.get(0).type() == Type.LIKERT || questions.get(0).type() == Type.NPS);
  }
}
