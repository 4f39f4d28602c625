package io.tandem.core.enrolment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type into profile forms and CSV files: skill lists, skills with a self-rating,
 * and weekly availability. Each reader either returns a value or throws {@link Invalid} with a
 * sentence a person can act on.
 */
public final class ProfileText {

  public static final int MAX_SKILLS = 10;
  public static final int MAX_SKILL_LENGTH = 40;
  public static final int MIN_RATING = 1;
  public static final int MAX_RATING = 5;

  private static final Pattern RATED_SKILL = Pattern.compile("(.+?)\\s*[:=]?\\s+([0-9]+)");
  private static final Pattern AVAILABILITY =
      Pattern.compile("(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\s+([0-9]{1,2})\\s*-\\s*([0-9]{1,2})");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SEPARATORS = Pattern.compile("[,;\\n]");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  /** A problem with a piece of profile text, phrased for the person who typed it. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    public Invalid(String message) {
      super(message);
    }
  }

  private ProfileText() {}

  /** {@code Instagram, TikTok ads, SQL}: up to 10 distinct skills; empty text is no skills. */
  public static Set<String> skills(String text) throws Invalid {
    Set<String> skills = new LinkedHashSet<>();
    for (String part : split(text)) {
      skills.add(skill(part));
    }
    if (skills.size() > MAX_SKILLS) {
      throw new Invalid("That is " + skills.size() + " skills; list at most " + MAX_SKILLS + ".");
    }
    return skills;
  }

  /** {@code Instagram reels 2, SQL 1}: skills with how good you are at them now, 1 to 5. */
  public static Map<String, Integer> ratedSkills(String text) throws Invalid {
    Map<String, Integer> rated = new LinkedHashMap<>();
    for (String part : split(text)) {
      Matcher m = RATED_SKILL.matcher(part);
      if (!m.matches()) {
        throw new Invalid(
            "Give each skill a level from 1 (new to it) to 5 (expert): `" + part + "` has none.");
      }
      int rating = Integer.parseInt(m.group(2).length() > 2 ? "99" : m.group(2));
      if (rating < MIN_RATING || rating > MAX_RATING) {
        throw new Invalid("`" + part + "`: the level must be from 1 to 5.");
      }
      rated.put(skill(m.group(1)), rating);
    }
    if (rated.size() > MAX_SKILLS) {
      throw new Invalid("That is " + rated.size() + " skills; list at most " + MAX_SKILLS + ".");
    }
    return rated;
  }

  /**
   * {@code Tue 14-16, Thu 9-11}: weekly hours in the person's own time zone, as hour-of-week slots
   * (0 = Monday 00:00–01:00, 167 = Sunday 23:00–24:00).
   */
  public static Set<Integer> availability(String text) throws Invalid {
    Set<Integer> slots = new LinkedHashSet<>();
    for (String part : split(text)) {
      Matcher m = AVAILABILITY.matcher(part.toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new Invalid("`" + part + "` is not a day and hours like `Tue 14-16`.");
      }
      int day = DAYS.indexOf(m.group(1));
      int from = Integer.parseInt(m.group(2));
      int to = Integer.parseInt(m.group(3));
      if (from >= to || to > 24) {
        throw new Invalid("`" + part + "`: hours run from 0 to 24, the first before the second.");
      }
      for (int hour = from; hour < to; hour++) {
        slots.add(day * 24 + hour);
      }
    }
    return slots;
  }

  /** The canonical text of availability slots, e.g. {@code Tue 14-16, Thu 9-11}. */
  public static String availabilityText(Set<Integer> slots) {
    List<String> parts = new ArrayList<>();
    List<Integer> sorted = slots.stream().sorted().toList();
    int i = 0;
    while (i < sorted.size()) {
      int start = sorted.get(i);
      int end = start;
      while (i + 1 < sorted.size() && sorted.get(i + 1) == end + 1 && (end + 1) % 24 != 0) {
        end = sorted.get(++i);
      }
      String day = DAYS.get(start / 24);
      parts.add(
          Character.toUpperCase(day.charAt(0))
              + day.substring(1)
              + " "
              + start % 24
              + "-"
              + (end % 24 + 1));
      i++;
    }
    return String.join(", ", parts);
  }

  private static String skill(String raw) throws Invalid {
    String skill = WHITESPACE.matcher(raw.strip()).replaceAll(" ");
    if (skill.length() > MAX_SKILL_LENGTH) {
      throw new Invalid(
          "`"
              + skill.substring(0, 20)
              + "…` is too long for a skill; keep each to "
              + MAX_SKILL_LENGTH
              + " characters.");
    }
    return skill;
  }

  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    if (text == null) {
      return parts;
    }
    for (String part : SEPARATORS.split(text)) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }
}
