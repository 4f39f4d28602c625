package io.tandem.core.matching.model;

import java.time.DayOfWeek;
import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;

/**
 * The hours of a typical week a person can meet, in their own local time: 168 one-hour slots, slot
 * {@code 0} is Monday 00:00–01:00, slot {@code 24*(day-1) + hour} is that day and hour.
 *
 * <p>The text form lists day ranges with hour ranges, e.g. {@code "Mon-Fri 9-17"} or {@code "Tue
 * 12-14, Thu 16-18"}: {@code 9-17} means from 09:00 up to 17:00. {@link #WORKING_HOURS} (Mon–Fri
 * 9–17) is assumed for people who did not say.
 */
public final class WeeklyAvailability {

  /** Hours in a week. */
  public static final int HOURS = 168;

  /** Monday to Friday, 09:00 to 17:00 local time. */
  public static final WeeklyAvailability WORKING_HOURS = parse("Mon-Fri 9-17");

  /** No time at all. */
  public static final WeeklyAvailability NONE = new WeeklyAvailability(new BitSet(HOURS));

  private final BitSet hours;

  private WeeklyAvailability(BitSet hours) {
    this.hours = hours;
  }

  /** From hour-of-week slots (0 = Monday 00:00). */
  public static WeeklyAvailability ofHours(Iterable<Integer> hoursOfWeek) {
    BitSet bits = new BitSet(HOURS);
    for (int h : hoursOfWeek) {
      if (h < 0 || h >= HOURS) {
        throw new IllegalArgumentException("hour of week " + h + " is not between 0 and 167");
      }
      bits.set(h);
    }
    return new WeeklyAvailability(bits);
  }

  /**
   * Parses {@code "Mon-Fri 9-17, Sat 10-12"}: comma-separated parts, each a day or day range
   * (three-letter English names) and an hour range {@code from-to} with {@code 0 <= from < to <=
   * 24}.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static WeeklyAvailability parse(String text) {
    BitSet bits = new BitSet(HOURS);
    if (text.isBlank()) {
      return new WeeklyAvailability(bits);
    }
    for (String raw : text.split(",")) {
      String part = raw.trim();
      String[] words = part.split("\\s+");
      if (words.length != 2) {
        throw new IllegalArgumentException(
            "\"" + part + "\" should look like \"Mon-Fri 9-17\" (days, then hours)");
      }
      String[] days = words[0].split("-");
      String[] span = words[1].split("-");
      if (days.length > 2 || span.length != 2) {
        throw new IllegalArgumentException(
            "\"" + part + "\" should look like \"Mon-Fri 9-17\" (days, then hours)");
      }
      int firstDay = day(days[0], part);
      int lastDay = days.length == 2 ? day(days[1], part) : firstDay;
      int from = hour(span[0], part);
      int to = hour(span[1], part);
      if (from >= to || lastDay < firstDay) {
        throw new IllegalArgumentException("\"" + part + "\" has its range the wrong way round");
      }
      for (int d = firstDay; d <= lastDay; d++) {
        bits.set(24 * d + from, 24 * d + to);
      }
    }
    return new WeeklyAvailability(bits);
  }

  private static int day(String word, String part) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().substring(0, 3).equalsIgnoreCase(word)) {
        return day.getValue() - 1;
      }
    }
    throw new IllegalArgumentException(
        "\"" + word + "\" in \"" + part + "\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
  }

  private static int hour(String word, String part) {
    try {
      int h = Integer.parseInt(word);
      if (h >= 0 && h <= 24) {
        return h;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(
        "\"" + word + "\" in \"" + part + "\" is not an hour between 0 and 24");
  }

  /** Whether this person can meet in the given local hour of the week. */
  public boolean contains(int hourOfWeek) {
    return hours.get(hourOfWeek);
  }

  /** How many hours a week this is. */
  public int totalHours() {
    return hours.cardinality();
  }

  /**
   * The same slots seen from UTC, for a person {@code offsetHours} ahead of UTC (wrapping around
   * the week), as three 64-bit words.
   */
  long[] inUtc(int offsetHours) {
    long[] words = new long[3];
    for (int local = hours.nextSetBit(0); local >= 0; local = hours.nextSetBit(local + 1)) {
      int utc = Math.floorMod(local - offsetHours, HOURS);
      words[utc >>> 6] |= 1L << (utc & 63);
    }
    return words;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeeklyAvailability other && hours.equals(other.hours);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hours);
  }

  /** The text form, e.g. {@code "Mon 9-17, Tue 9-17"}; round-trips through {@link #parse}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int d = 0; d < 7; d++) {
      int h = 0;
      while (h < 24) {
        if (!hours.get(24 * d + h)) {
          h++;
          continue;
        }
        int from = h;
        while (h < 24 && hours.get(24 * d + h)) {
          h++;
        }
        if (text.length() > 0) {
          text.append(", ");
        }
        String day = DayOfWeek.of(d + 1).name().substring(0, 3).toLowerCase(Locale.ROOT);
        text.append(Character.toUpperCase(day.charAt(0))).append(day, 1, 3);
        text.append(' ').append(from).append('-').append(h);
      }
    }
    return text.toString();
  }
}
