package io.tandem.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * How long Tandem keeps personal data it does not need for counts ({@code retention}).
 *
 * @param privateNotes private session notes older than this are deleted by a daily job ({@code
 *     retention.private-notes}, e.g. {@code 365d}); empty keeps them (the default)
 */
public record RetentionConfig(
    Optional<
            @DurationMin(days = 1, message = AGE_EXPECTED)
            @DurationMax(days = 36_500, message = AGE_EXPECTED) Duration>
        privateNotes) {

  static final String AGE_EXPECTED = "is not an age between 1d and 36500d (like 365d)";

  public static final Duration MIN_PRIVATE_NOTES = Duration.ofDays(1);
  public static final Duration MAX_PRIVATE_NOTES = Duration.ofDays(36_500);

  public RetentionConfig {
    Objects.requireNonNull(privateNotes, "privateNotes");
    privateNotes.ifPresent(
        d -> {
          if (d.compareTo(MIN_PRIVATE_NOTES) < 0 || d.compareTo(MAX_PRIVATE_NOTES) > 0) {
            throw new IllegalArgumentException("privateNotes must be 1d to 36500d: " + d);
          }
        });
  }

  /** Nothing is deleted for its age. */
  public static RetentionConfig off() {
    return new RetentionConfig(Optional.empty());
  }
}
