package io.tandem.core.reminders;

import io.tandem.core.port.in.Markup;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day as people type it for their reminders: {@code 9:00}, {@code 17:30}, {@code 9am},
 * {@code 5.30pm}, {@code 9}. Pure.
 */
public final class TimeOfDay {

  private static final Pattern TIME =
      Pattern.compile(
          "(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(?:([ap])\\.?m\\.?)?", Pattern.CASE_INSENSITIVE);

  private TimeOfDay() {}

  /**
   * The time {@code text} names.
   *
   * @throws IllegalArgumentException with one sentence for the person, naming what is wrong
   */
  public static LocalTime parse(String text) {
    String typed = text == null ? "" : text.strip();
    Matcher m = TIME.matcher(typed);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          quoted(typed) + " is not a time of day; write it like 9:00, 9am or 17:30.");
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    if (m.group(3) != null) {
      if (hour < 1 || hour > 12) {
        throw new IllegalArgumentException(
            quoted(typed) + " is not a time of day: with am or pm the hour goes from 1 to 12.");
      }
      hour = hour % 12 + (m.group(3).toLowerCase(Locale.ROOT).equals("p") ? 12 : 0);
    } else if (hour > 23) {
      throw new IllegalArgumentException(
          quoted(typed) + " is not a time of day: hours go from 0 to 23.");
    }
    if (minute > 59) {
      throw new IllegalArgumentException(
          quoted(typed) + " is not a time of day: minutes go from 00 to 59.");
    }
    return LocalTime.of(hour, minute);
  }

  private static String quoted(String typed) {
    String shown = typed.length() > 30 ? typed.substring(0, 30) + "…" : typed;
    return "`" + Markup.text(shown) + "`";
  }
}
