package io.tandem.core.enrolment;

import java.util.Locale;
import java.util.Optional;

/**
 * When someone started working, in bands: what the score's generation mix compares. Optional in the
 * profile; like every answer in it, shown to the person themselves and never per person to admins
 * (the preview only says whether two people's bands differ, or that one is unknown).
 */
public enum CareerStart {
  BEFORE_1995("before 1995", Integer.MIN_VALUE, 1994),
  FROM_1995("1995-2004", 1995, 2004),
  FROM_2005("2005-2014", 2005, 2014),
  FROM_2015("2015 or later", 2015, Integer.MAX_VALUE);

  /** The bands as the form offers them. */
  public static final String CHOICES = "before 1995, 1995-2004, 2005-2014 or 2015 or later";

  private final String label;
  private final int firstYear;
  private final int lastYear;

  CareerStart(String label, int firstYear, int lastYear) {
    this.label = label;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
  }

  public String label() {
    return label;
  }

  /** Thrown for an answer that is no band. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /**
   * Reads an answer: a band as offered ("1995-2004", "before 1995", "2015 or later", "2015+") or
   * the year they started ("2011"); empty for no answer ("", "-", "prefer not to say").
   */
  static Optional<CareerStart> parse(String text) throws Invalid {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('–', '-');
    if (t.isEmpty() || t.equals("-") || t.startsWith("prefer not")) {
      return Optional.empty();
    }
    for (CareerStart band : values()) {
      if (t.equals(band.label)) {
        return Optional.of(band);
      }
    }
    if (t.matches("(before|<) ?1995")) {
      return Optional.of(BEFORE_1995);
    }
    if (t.matches("2015 ?(\\+|or later|onwards|and later)")) {
      return Optional.of(FROM_2015);
    }
    if (t.matches("(19|20)\\d\\d")) {
      int year = Integer.parseInt(t);
      for (CareerStart band : values()) {
        if (year >= band.firstYear && year <= band.lastYear) {
          return Optional.of(band);
        }
      }
    }
    throw new Invalid(
        "`"
            + text.strip()
            + "` is not a career start; use "
            + CHOICES
            + ", the year you started, or leave it empty.");
  }
}
