package io.tandem.core.surveys;

import io.tandem.core.surveys.SurveyTemplate.Audience;
import io.tandem.core.surveys.SurveyTemplate.Question;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How pulse surveys behave: the templates admins may send and the anonymity threshold.
 *
 * @param anonymityThreshold the fewest answers any result is shown for (at least {@value
 *     #MIN_THRESHOLD}); free text needs {@link #textThreshold()}
 * @param templates by id, in the order {@code survey list} shows them
 */
public record SurveySettings(int anonymityThreshold, Map<String, SurveyTemplate> templates) {

  public static final int DEFAULT_THRESHOLD = 5;
  public static final int MIN_THRESHOLD = 3;
  public static final int TEXT_THRESHOLD = 10;

  public SurveySettings {
    if (anonymityThreshold < MIN_THRESHOLD) {
      throw new IllegalArgumentException(
          "the anonymity threshold is never below " + MIN_THRESHOLD + ": " + anonymityThreshold);
    }
    templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
  }

  /** Free-text answers are shown only from this many, and never below the threshold. */
  public int textThreshold() {
    return Math.max(TEXT_THRESHOLD, anonymityThreshold);
  }

  public Optional<SurveyTemplate> template(String id) {
    return Optional.ofNullable(templates.get(id));
  }

  /** The shipped templates with the default threshold. */
  public static SurveySettings defaults() {
    return new SurveySettings(DEFAULT_THRESHOLD, shipped());
  }

  /** The shipped templates, then {@code more} (which replace shipped ones of the same id). */
  public static SurveySettings of(int anonymityThreshold, List<SurveyTemplate> more) {
    Map<String, SurveyTemplate> all = new LinkedHashMap<>(shipped());
    more.forEach(t -> all.put(t.id(), t));
    return new SurveySettings(anonymityThreshold, all);
  }

  /** A monthly pulse, a mid-program check and an end-of-program review with NPS. */
  public static Map<String, SurveyTemplate> shipped() {
    Map<String, SurveyTemplate> shipped = new LinkedHashMap<>();
    shipped.put(
        "monthly-pulse",
        new SurveyTemplate(
            "monthly-pulse",
            "Monthly pulse",
            true,
            Audience.ALL,
            Duration.ofDays(5),
            Duration.ofDays(3),
            List.of(Question.likert("My Tandem sessions this month were worth my time."))));
    shipped.put(
        "mid-program",
        new SurveyTemplate(
            "mid-program",
            "Mid-program check",
            true,
            Audience.ALL,
            Duration.ofDays(7),
            Duration.ofDays(4),
            List.of(
                Question.likert("I am learning something I can use at work."),
                Question.likert("My partner and I meet as often as we planned."),
                new Question(
                    SurveyTemplate.Type.CHOICE,
                    "What would help most now?",
                    List.of("More time", "A clearer agenda", "A different format", "Nothing")),
                Question.text("Anything else we should know?"))));
    shipped.put(
        "end-of-program",
        new SurveyTemplate(
            "end-of-program",
            "End-of-program review",
            true,
            Audience.ALL,
            Duration.ofDays(10),
            Duration.ofDays(6),
            List.of(
                Question.nps("How likely are you to recommend Tandem to a colleague?"),
                Question.likert("I reached the goals I set with my partner."),
                Question.likert("I will keep in touch with my partner."),
                Question.text("What was the most valuable thing you learned?"))));
    return shipped;
  }
}
