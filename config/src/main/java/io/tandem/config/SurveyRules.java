package io.tandem.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every pulse survey follows, wherever it is made: read from {@code tandem.yml} here,
 * shipped or built by the core. Each check returns what is wrong, in the words {@code tandem config
 * check} shows after the key path, or nothing when the value is fine; {@link #require} turns a
 * problem into an exception for records built in code.
 */
public final class SurveyRules {

  public static final int DEFAULT_THRESHOLD = 5;

  /** Results are never shown for fewer answers than this, so that nobody can be singled out. */
  public static final int MIN_THRESHOLD = 3;

  public static final int MAX_THRESHOLD = 1000;

  /** Discord modals hold five inputs; a template never needs more than one form. */
  public static final int MAX_QUESTIONS = 5;

  private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private SurveyRules() {}

  /** The anonymity threshold: {@value #MIN_THRESHOLD} to {@value #MAX_THRESHOLD}. */
  public static Optional<String> threshold(int threshold) {
    return threshold >= MIN_THRESHOLD && threshold <= MAX_THRESHOLD
        ? Optional.empty()
        : Optional.of(THRESHOLD_EXPECTED);
  }

  /** What {@link #threshold} expects. */
  public static final String THRESHOLD_EXPECTED =
      "is not a whole number between "
          + MIN_THRESHOLD
          + " and "
          + MAX_THRESHOLD
          + " (never below "
          + MIN_THRESHOLD
          + ", so that nobody can be singled out)";

  /** The name admins type: lower-case letters, digits and dashes, at most 40. */
  public static Optional<String> templateId(String id) {
    return id != null && TEMPLATE_ID.matcher(id).matches()
        ? Optional.empty()
        : Optional.of("is not a template id (lower-case letters, digits and -, like team-pulse)");
  }

  /** One to {@value #MAX_QUESTIONS} questions. */
  public static Optional<String> questionCount(int count) {
    return count >= 1 && count <= MAX_QUESTIONS
        ? Optional.empty()
        : Optional.of(
            "has "
                + count
                + " questions; a survey has 1 to "
                + MAX_QUESTIONS
                + " (one form holds five)");
  }

  /** Open for some time, and reminding before it closes (or not at all before it opens). */
  public static Optional<String> timing(Duration openFor, Duration remindAfter) {
    if (!openFor.isNegative()
        && !openFor.isZero()
        && !remindAfter.isNegative()
        && remindAfter.compareTo(openFor) < 0) {
      return Optional.empty();
    }
    return Optional.of("is not shorter than open-for (" + ConfigPrinter.duration(openFor) + ")");
  }

  /** A question's text, the words people read: not blank. */
  public static Optional<String> questionText(String text) {
    return text != null && !text.isBlank()
        ? Optional.empty()
        : Optional.of("is required (the question people read)");
  }

  /**
   * Choices belong to choice questions only, two or more.
   *
   * @param type the question type as {@code tandem.yml} spells it ({@code choice}, {@code likert})
   */
  public static Optional<String> choices(String type, List<String> choices) {
    int count = choices == null ? 0 : choices.size();
    if ("choice".equals(type) && count < 2) {
      return Optional.of("a choice question needs at least two choices");
    }
    if (!"choice".equals(type) && count > 0) {
      return Optional.of("only choice questions have choices, not " + type);
    }
    return Optional.empty();
  }

  /**
   * Throws when {@code problem} holds one: for records built in code.
   *
   * @param what names the value in the exception, like {@code remindAfter}
   */
  public static void require(Optional<String> problem, String what) {
    problem.ifPresent(
        p -> {
          throw new IllegalArgumentException(what + " " + p);
        });
  }
}
