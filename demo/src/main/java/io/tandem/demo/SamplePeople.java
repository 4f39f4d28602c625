package io.tandem.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * People for the demo and the end-to-end tests, with the profiles they type into Tandem's forms.
 * The mentors are the junior ones: this is reverse mentoring.
 */
final class SamplePeople {

  /** Someone who enrols, with both pages of the profile form as they would fill them in. */
  record Person(String name, String role, Map<String, String> about, Map<String, String> skills) {}

  static final Person ANA =
      new Person(
          "ana",
          "mentor",
          about("Marketing", "1", "maya", "call", "Europe/Berlin"),
          skills(
              "Instagram reels, TikTok",
              "Public speaking 2, Budgeting 1",
              "Tue 14-17, Thu 9-12",
              "1"));

  static final Person DEV =
      new Person(
          "dev",
          "mentor",
          about("Engineering", "2", "", "chat", "Europe/Berlin"),
          skills("AI tools, Figma", "Negotiation 2", "Tue 9-12, Wed 14-17", "1"));

  static final Person BEN =
      new Person(
          "ben",
          "mentee",
          about("Finance", "5", "", "call", "Europe/London"),
          skills(
              "Budgeting, Leadership", "Instagram reels 1, TikTok 2", "Tue 13-16, Fri 9-11", ""));

  static final Person CHIOMA =
      new Person(
          "chioma",
          "mentee",
          about("Operations", "4", "", "chat", "Europe/Berlin"),
          skills("Negotiation", "AI tools 1, Figma 2", "Wed 14-18", ""));

  static final List<Person> ALL = List.of(ANA, DEV, BEN, CHIOMA);

  /** Someone who joins the demo's pilot after it is full, so waits; no generated name. */
  static final Person LATE_JOINER =
      new Person(
          "sofia",
          "mentee",
          about("Sales", "5", "", "call", "Europe/London"),
          skills("Negotiation, Hiring", "AI tools 1, Canva 2", "Tue 10-13, Thu 13-16", ""));

  private static final List<String> NAMES =
      List.of(
          "ana", "ben", "chioma", "dev", "elif", "felix", "grace", "hiro", "ines", "jonas", "kemi",
          "liam", "mei", "noah", "olga", "priya", "quinn", "rosa", "sami", "tara", "umar", "vera",
          "wei", "xenia", "yusuf", "zoe", "amir", "bea", "carlos", "dana", "emeka", "fatima", "gus",
          "hana", "ivan", "jade", "kai", "lena", "marco", "nadia");

  /** The most people {@link #generate} can make. */
  static final int MAX_GENERATED = NAMES.size();

  private static final List<String> DEPARTMENTS =
      List.of("Marketing", "Engineering", "Finance", "Operations", "Sales", "People", "Design");

  private static final List<String> TIME_ZONES =
      List.of(
          "Europe/Berlin",
          "Europe/London",
          "America/New_York",
          "America/Chicago",
          "Asia/Kolkata",
          "Asia/Singapore",
          "America/Sao_Paulo");

  /** What juniors teach: new technology and ways of working. */
  private static final List<String> NEW_SKILLS =
      List.of("TikTok", "Instagram reels", "AI tools", "Figma", "SQL", "Notion", "Python", "Canva");

  /** What seniors teach back: leadership and the big picture. */
  private static final List<String> LEADERSHIP_SKILLS =
      List.of(
          "Negotiation",
          "Budgeting",
          "Public speaking",
          "Stakeholder management",
          "Hiring",
          "Strategy");

  private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri");

  /**
   * {@code count} people with varied departments, seniority, time zones and skills; half mentors
   * (junior, bands 1-2) and half mentees (senior, bands 4-6). The same seed makes the same people.
   */
  static List<Person> generate(int count, long seed) {
    if (count < 2 || count > MAX_GENERATED) {
      throw new IllegalArgumentException(
          "between 2 and " + MAX_GENERATED + " people, not " + count);
    }
    Random random = new Random(seed);
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, random);
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean mentor = i % 2 == 0;
      List<String> teaches = mentor ? NEW_SKILLS : LEADERSHIP_SKILLS;
      List<String> learns = mentor ? LEADERSHIP_SKILLS : NEW_SKILLS;
      people.add(
          new Person(
              names.get(i),
              mentor ? "mentor" : "mentee",
              about(
                  pick(DEPARTMENTS, random),
                  Integer.toString(mentor ? 1 + random.nextInt(2) : 4 + random.nextInt(3)),
                  "",
                  random.nextBoolean() ? "call" : "chat",
                  pick(TIME_ZONES, random)),
              skills(
                  String.join(", ", some(teaches, 2, random)),
                  some(learns, 2, random).stream()
                      .map(skill -> skill + " " + (1 + random.nextInt(2)))
                      .collect(Collectors.joining(", ")),
                  availability(random),
                  mentor ? "1" : "")));
    }
    return people;
  }

  private static String availability(Random random) {
    List<String> days = some(DAYS, 2, random);
    return days.stream()
        .map(
            day -> {
              int from = 9 + random.nextInt(6);
              return day + " " + from + "-" + (from + 3);
            })
        .collect(Collectors.joining(", "));
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static <T> List<T> some(List<T> values, int count, Random random) {
    List<T> copy = new ArrayList<>(values);
    Collections.shuffle(copy, random);
    return copy.subList(0, count);
  }

  private SamplePeople() {}

  /** The first page of the profile form, as a person fills it in. */
  static Map<String, String> about(
      String department, String band, String manager, String communication, String timeZone) {
    return Map.of(
        "department", department,
        "band", band,
        "manager", manager,
        "communication", communication,
        "timezone", timeZone);
  }

  private static Map<String, String> skills(
      String teach, String learn, String availability, String capacity) {
    return Map.of(
        "teach", teach, "learn", learn, "availability", availability, "capacity", capacity);
  }
}
