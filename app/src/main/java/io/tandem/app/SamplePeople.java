package io.tandem.app;

import java.util.List;
import java.util.Map;

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

  private SamplePeople() {}

  private static Map<String, String> about(
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
