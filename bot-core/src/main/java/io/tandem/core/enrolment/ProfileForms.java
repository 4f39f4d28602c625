package io.tandem.core.enrolment;

import io.tandem.core.kernel.Role;
import io.tandem.core.matching.model.CommunicationPreference;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two pages of the enrolment profile (Discord forms hold at most five inputs) and the reading
 * of what people type into them. Pure: no storage.
 */
final class ProfileForms {

  static final String ABOUT = "about";
  static final String SKILLS = "skills";
  static final String DEFAULT_PROGRAM = "default";

  /**
   * The first page.
   *
   * @param role the role named after the band ("6 mentee", "6 mentor"), or {@code null}
   */
  record About(
      String department,
      int band,
      String manager,
      CommunicationPreference communication,
      String timeZone,
      Role role) {}

  /**
   * The second page.
   *
   * @param careerStart when they started working, or {@code null} when not given
   */
  record Skills(
      Set<String> canTeach,
      Map<String, Integer> wantsToLearn,
      Set<Integer> availability,
      int capacity,
      CareerStart careerStart) {}

  /** What a form id says: which page, which program ("default" or an id) and which role. */
  record FormId(String page, String program, Role role) {
    static Optional<FormId> parse(String formId) {
      String[] parts = formId.split(":");
      if (parts.length != 3 || !(parts[0].equals(ABOUT) || parts[0].equals(SKILLS))) {
        return Optional.empty();
      }
      return Role.parse(parts[2]).map(role -> new FormId(parts[0], parts[1], role));
    }

    @Override
    public String toString() {
      return page + ":" + program + ":" + role.name();
    }
  }

  /** A problem with one input. */
  record Problem(String inputId, String message) {}

  private ProfileForms() {}

  static Reply.Form about(String program, Role role, Map<String, String> values) {
    return new Reply.Form(
        new FormId(ABOUT, program, role).toString(),
        "About you (1 of 2)",
        "Next",
        List.of(
            input("department", "Department", false, false, values, "Marketing"),
            input(
                "band",
                "Seniority band: 1 entry … 6 executive",
                false,
                false,
                values,
                "2 (the mentor is the more junior of a pair)"),
            input("manager", "Your manager (optional)", false, true, values, "@jo or Jo Smith"),
            input(
                "communication", "Meet by: chat, call or in person", false, false, values, "call"),
            input("timezone", "Time zone", false, false, values, "Europe/Berlin")));
  }

  static Reply.Form skills(
      String program, Role role, Program settings, Map<String, String> values) {
    String suggestions =
        settings.getSkills().isBlank() ? "Instagram reels, SQL" : settings.getSkills();
    List<Reply.Input> inputs =
        new java.util.ArrayList<>(
            List.of(
                input(
                    "teach",
                    "Skills you can teach",
                    true,
                    role == Role.MENTEE,
                    values,
                    suggestions),
                input(
                    "learn",
                    "Skills to learn, with your level 1-5",
                    true,
                    role == Role.MENTOR,
                    values,
                    "Leadership 2, Budgeting 1"),
                input(
                    "availability",
                    "When you're free each week",
                    false,
                    false,
                    values,
                    "Tue 14-16, Thu 9-11"),
                input(
                    "career_start",
                    "When you started working (optional)",
                    false,
                    true,
                    values,
                    CareerStart.CHOICES)));
    if (role == Role.MENTOR) {
      inputs.add(input("capacity", "How many mentees at once (1-3)", false, false, values, "1"));
    }
    return new Reply.Form(
        new FormId(SKILLS, program, role).toString(), "Your skills (2 of 2)", "Save", inputs);
  }

  /** The values a participant's stored profile gives each input, to prefill an edit. */
  static Map<String, String> aboutValues(Participant p, String fallbackTimeZone) {
    Map<String, String> values = new java.util.HashMap<>();
    putIfSet(values, "department", p.getDepartment());
    putIfSet(values, "band", p.getSeniorityBand() == null ? null : p.getSeniorityBand().toString());
    putIfSet(values, "manager", p.getManager());
    putIfSet(
        values,
        "communication",
        p.getCommunication() == null ? null : p.getCommunication().label());
    putIfSet(values, "timezone", p.getTimeZone() != null ? p.getTimeZone() : fallbackTimeZone);
    return values;
  }

  static Map<String, String> skillValues(Participant p) {
    Map<String, String> values = new java.util.HashMap<>();
    putIfSet(values, "teach", p.getCanTeach());
    putIfSet(values, "learn", p.getWantsToLearn());
    putIfSet(values, "availability", p.getAvailability());
    p.getCareerStart().ifPresent(c -> values.put("career_start", c.label()));
    values.put("capacity", Integer.toString(p.getCapacity()));
    return values;
  }

  static Result<About> readAbout(Map<String, String> values) {
    String department = value(values, "department");
    if (department.isEmpty()) {
      return Result.problem("department", "Say which department you work in.");
    }
    if (department.length() > 100) {
      return Result.problem("department", "Keep the department to 100 characters.");
    }
    String bandText = value(values, "band");
    // a mentor warned that their band can never be matched answers "6 mentee" to switch, or
    // "6 mentor" to stay (see MentorBandWarning)
    Role role = null;
    String[] bandWords = bandText.split("\\s+", 2);
    if (bandWords.length == 2 && Role.parse(bandWords[1]).isPresent()) {
      role = Role.parse(bandWords[1]).get();
      bandText = bandWords[0];
    }
    if (!bandText.matches("[1-9]") || Integer.parseInt(bandText) > Profile.MAX_BAND) {
      return Result.problem(
          "band",
          "`" + bandText + "` is not a band; use a number from 1 (entry) to 6 (executive).");
    }
    String manager = value(values, "manager");
    if (manager.length() > 100) {
      return Result.problem("manager", "Keep your manager's name to 100 characters.");
    }
    Optional<CommunicationPreference> communication =
        CommunicationPreference.parse(value(values, "communication"));
    if (communication.isEmpty()) {
      return Result.problem(
          "communication",
          "`" + value(values, "communication") + "` is not chat, call or in person.");
    }
    String zone = value(values, "timezone");
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      return Result.problem(
          "timezone", "`" + zone + "` is not a time zone; use a name like Europe/Berlin.");
    }
    return Result.ok(
        new About(
            department,
            Integer.parseInt(bandText),
            manager.isEmpty() ? null : manager,
            communication.get(),
            zone,
            role));
  }

  static Result<Skills> readSkills(Role role, Map<String, String> values) {
    Set<String> teach;
    Map<String, Integer> learn;
    Set<Integer> availability;
    try {
      teach = ProfileText.skills(value(values, "teach"));
    } catch (ProfileText.Invalid e) {
      return Result.problem("teach", e.getMessage());
    }
    try {
      learn = ProfileText.ratedSkills(value(values, "learn"));
    } catch (ProfileText.Invalid e) {
      return Result.problem("learn", e.getMessage());
    }
    try {
      availability = ProfileText.availability(value(values, "availability"));
    } catch (ProfileText.Invalid e) {
      return Result.problem("availability", e.getMessage());
    }
    if (role == Role.MENTOR && teach.isEmpty()) {
      return Result.problem("teach", "As a mentor, list at least one skill you can teach.");
    }
    if (role == Role.MENTEE && learn.isEmpty()) {
      return Result.problem("learn", "As a mentee, list at least one skill you want to learn.");
    }
    if (availability.isEmpty()) {
      return Result.problem(
          "availability", "Give at least one time you are free, like `Tue 14-16`.");
    }
    CareerStart careerStart;
    try {
      careerStart = CareerStart.parse(value(values, "career_start")).orElse(null);
    } catch (CareerStart.Invalid e) {
      return Result.problem("career_start", e.getMessage());
    }
    int capacity = 1;
    if (role == Role.MENTOR) {
      String text = value(values, "capacity");
      if (!text.matches("[1-3]")) {
        return Result.problem("capacity", "`" + text + "` is not 1, 2 or 3 mentees.");
      }
      capacity = Integer.parseInt(text);
    }
    return Result.ok(new Skills(teach, learn, availability, capacity, careerStart));
  }

  /** A read form: a value, or the first problem found. */
  record Result<T>(T value, Problem problem) {
    static <T> Result<T> ok(T value) {
      return new Result<>(value, null);
    }

    static <T> Result<T> problem(String inputId, String message) {
      return new Result<>(null, new Problem(inputId, message));
    }
  }

  private static String value(Map<String, String> values, String id) {
    String v = values.get(id);
    return v == null ? "" : v.strip();
  }

  private static void putIfSet(Map<String, String> values, String id, String value) {
    if (value != null && !value.isBlank()) {
      values.put(id, value);
    }
  }

  private static Reply.Input input(
      String id,
      String label,
      boolean multiline,
      boolean optional,
      Map<String, String> values,
      String placeholder) {
    return new Reply.Input(id, label, multiline, optional, values.get(id), placeholder);
  }
}
