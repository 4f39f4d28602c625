package io.tandem.core.command;

import io.tandem.core.kernel.Role;
import io.tandem.core.reminders.ReminderCommands;
import io.tandem.core.surveys.SurveyCommand;
import java.util.Objects;

// Long because it is the one sealed list of every command record, read top to bottom; the
// families that live in their features' packages join it through the non-sealed interfaces.
/**
 * A parsed {@code /tandem} command. The records validate themselves, so a use case never sees an
 * invalid one; {@link CommandParser} produces them with friendly messages for people.
 */
public sealed interface Command {

  /** Longest topic a session log may carry. */
  int MAX_TOPIC_LENGTH = 200;

  /** Longest session that may be logged at once, in minutes. */
  int MAX_SESSION_MINUTES = 8 * 60;

  /** The pulse survey commands, in {@link SurveyCommand}. */
  non-sealed interface Survey extends Command {}

  record Help() implements Command {}

  /**
   * Which of the actor's pairs (or programs) a participant command is for. Each part is optional;
   * with none, the command acts on the actor's only pair and program, and asks privately when there
   * are several.
   *
   * @param partnerUserId the partner named with {@code with @partner}, or {@code null}
   * @param program the program named with {@code in PROGRAM}, or {@code null}
   * @param pairId the pair a button carries ({@code pair:42}), or {@code null}
   * @param participantId the participation a button carries ({@code participation:7}), or {@code
   *     null}
   */
  record Target(String partnerUserId, String program, Long pairId, Long participantId) {
    /** Nothing named. */
    public static final Target NONE = new Target(null, null, null, null);

    public Target {
      program = program == null || program.isBlank() ? null : program.strip();
    }

    public static Target partner(String partnerUserId) {
      return new Target(partnerUserId, null, null, null);
    }

    public static Target pair(long pairId) {
      return new Target(null, null, pairId, null);
    }

    public boolean isNone() {
      return partnerUserId == null && program == null && pairId == null && participantId == null;
    }

    public Target withPartner(String userId) {
      return new Target(userId, program, pairId, participantId);
    }
  }

  /** A command that acts on one of the actor's pairs or programs. */
  interface PairScoped {
    Target target();
  }

  /** A person's own data: the records are in {@code io.tandem.core.privacy.PrivacyCommand}. */
  non-sealed interface Privacy extends Command {}

  /** Reminder and participation commands: the records are in {@link ReminderCommands}. */
  non-sealed interface ReminderCommand extends Command {}

  /** Who administers a program: the records are in {@code programs.ProgramAdminCommand}. */
  non-sealed interface ProgramAdmins extends Command {}

  /** Pair check-in points: the records are in {@code pulse.PulseCommand}. */
  non-sealed interface PairCheckIns extends Command {}

  /** A program's targets: the records are in {@code reports.TargetCommand}. */
  non-sealed interface TargetCommands extends Command {}

  record Status() implements Command {}

  /** Admins' controls of a running program: the records are in {@code programs.ProgramControl}. */
  non-sealed interface ProgramControls extends Command {}

  /** Ending and making single pairs: the records are in {@code matching.PairCommand}. */
  non-sealed interface PairCommands extends Command {}

  /** Admins' guidance templates: the records are in {@code guidance.GuideCommand}. */
  non-sealed interface Guidance extends Command {}

  /**
   * Join the workspace's default program (or a named one) as a mentor or mentee.
   *
   * @param program the program name, or {@code null} for the workspace's default program
   */
  record Join(Role role, String program) implements Command {
    public Join {
      Objects.requireNonNull(role, "role");
    }
  }

  /**
   * Log a mentoring session.
   *
   * @param minutes how long it was, 1 to {@link #MAX_SESSION_MINUTES}
   * @param topic what it was about, possibly empty, at most {@link #MAX_TOPIC_LENGTH} characters
   */
  record Log(int minutes, String topic, Day day, Target target) implements Command, PairScoped {
    public Log {
      if (minutes < 1 || minutes > MAX_SESSION_MINUTES) {
        throw new IllegalArgumentException("minutes out of range: " + minutes);
      }
      topic = topic == null ? "" : topic.strip();
      if (topic.length() > MAX_TOPIC_LENGTH) {
        throw new IllegalArgumentException("topic longer than " + MAX_TOPIC_LENGTH);
      }
      day = day == null ? Day.TODAY : day;
    }

    /** With the partner named, or nobody ({@code null}). */
    public Log(int minutes, String topic, String partnerUserId, Day day) {
      this(minutes, topic, day, Target.partner(partnerUserId));
    }

    /** Today, with nobody named. */
    public Log(int minutes, String topic) {
      this(minutes, topic, null, Day.TODAY);
    }

    public String partnerUserId() {
      return target.partnerUserId();
    }
  }

  /**
   * The day a session took place: a calendar date, or so many days before today. Resolved in the
   * person's own time zone by the use case, which also refuses days in the future.
   */
  record Day(java.time.LocalDate date, int daysBack) {
    public static final Day TODAY = new Day(null, 0);

    public Day {
      if (date == null && daysBack < 0) {
        throw new IllegalArgumentException("daysBack must not be negative: " + daysBack);
      }
    }

    public java.time.LocalDate in(java.time.LocalDate today) {
      return date != null ? date : today.minusDays(daysBack);
    }

    /** {@code 2026-05-04}, {@code today} or {@code yesterday}; empty for anything else. */
    public static java.util.Optional<Day> parse(String text) {
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.equals("today")) {
        return java.util.Optional.of(TODAY);
      }
      if (t.equals("yesterday")) {
        return java.util.Optional.of(new Day(null, 1));
      }
      if (!t.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
        return java.util.Optional.empty();
      }
      String[] parts = t.split("-");
      try {
        return java.util.Optional.of(
            new Day(
                java.time.LocalDate.of(
                    Integer.parseInt(parts[0]),
                    Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2])),
                0));
      } catch (java.time.DateTimeException e) {
        return java.util.Optional.empty();
      }
    }
  }

  /** {@code log} without a duration: opens the check-in form, maybe for a named day. */
  record OpenLogForm(Day day, Target target) implements Command, PairScoped {
    public OpenLogForm {
      day = day == null ? Day.TODAY : day;
    }

    public OpenLogForm(String partnerUserId, Day day) {
      this(day, Target.partner(partnerUserId));
    }

    public String partnerUserId() {
      return target.partnerUserId();
    }
  }

  /** {@code log list}: the pair's sessions, with whose side is logged. */
  record ListLogs(Target target) implements Command, PairScoped {

    public ListLogs() {
      this(Target.NONE);
    }
  }

  /** {@code log edit N}: opens the form for the actor's own log of session N, filled in. */
  record EditLog(int number, Target target) implements Command, PairScoped {
    public EditLog {
      requirePositive(number);
    }

    public EditLog(int number) {
      this(number, Target.NONE);
    }
  }

  /** {@code log delete N [confirm]}: asks first, deletes the actor's own log when confirmed. */
  record DeleteLog(int number, boolean confirmed, Target target) implements Command, PairScoped {
    public DeleteLog {
      requirePositive(number);
    }

    public DeleteLog(int number, boolean confirmed) {
      this(number, confirmed, Target.NONE);
    }
  }

  /** Longest goal or task text. */
  int MAX_GOAL_LENGTH = 300;

  /** Who a goal is for: who is learning. */
  enum GoalOwner {
    ME,
    PARTNER
  }

  /**
   * {@code goal add <text> [by DATE] [for me|for partner]}.
   *
   * @param due the date to reach it by, or {@code null}
   */
  record AddGoal(String text, java.time.LocalDate due, GoalOwner owner, Target target)
      implements Command, PairScoped {
    public AddGoal {
      text = requireText(text, MAX_GOAL_LENGTH);
      owner = owner == null ? GoalOwner.ME : owner;
    }

    public AddGoal(String text, java.time.LocalDate due, GoalOwner owner) {
      this(text, due, owner, Target.NONE);
    }
  }

  /** {@code goal add} without text: opens the goal form. */
  record OpenGoalForm(Target target) implements Command, PairScoped {

    public OpenGoalForm() {
      this(Target.NONE);
    }
  }

  record GoalDone(int number, Target target) implements Command, PairScoped {
    public GoalDone {
      requirePositive(number);
    }

    public GoalDone(int number) {
      this(number, Target.NONE);
    }
  }

  record ListGoals(Target target) implements Command, PairScoped {

    public ListGoals() {
      this(Target.NONE);
    }
  }

  /** {@code goal review [in PROGRAM]}: re-rate the skills rated at enrolment. */
  record ReviewGoals(Target target) implements Command, PairScoped {}

  /** {@code task add <goal> <text>}. */
  record AddTask(int goalNumber, String text, Target target) implements Command, PairScoped {
    public AddTask {
      requirePositive(goalNumber);
      text = requireText(text, MAX_GOAL_LENGTH);
    }

    public AddTask(int goalNumber, String text) {
      this(goalNumber, text, Target.NONE);
    }
  }

  record TaskDone(int number, Target target) implements Command, PairScoped {
    public TaskDone {
      requirePositive(number);
    }

    public TaskDone(int number) {
      this(number, Target.NONE);
    }
  }

  record ListTasks(Target target) implements Command, PairScoped {

    public ListTasks() {
      this(Target.NONE);
    }
  }

  private static void requirePositive(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("numbers start at 1: " + number);
    }
  }

  private static String requireText(String text, int max) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.length() > max) {
      throw new IllegalArgumentException("text must be 1 to " + max + " characters");
    }
    return t;
  }

  /** Opens the profile form for the actor's participation in a program (or their only one). */
  record EditProfile(String program) implements Command {}

  /** Never pair the actor with this person; private to the matcher. */
  record Exclude(String userId) implements Command {
    public Exclude {
      Objects.requireNonNull(userId, "userId");
    }
  }

  /**
   * {@code program create}: an admin sets up a program.
   *
   * @param pilotCap how many may join before the rest go on the waitlist, or {@code null}
   * @param weights matching weights as {@code name=value} pairs, or empty for the defaults
   */
  record CreateProgram(
      String name,
      int cadenceDays,
      int durationWeeks,
      Integer pilotCap,
      int minSeniorityGap,
      int repeatCooldownDays,
      java.util.List<String> skills,
      String weights)
      implements Command {
    public CreateProgram {
      Objects.requireNonNull(name, "name");
      skills = java.util.List.copyOf(skills);
      Objects.requireNonNull(weights, "weights");
    }
  }

  /** What an admin can do to an existing program. */
  enum ProgramAction {
    OPEN,
    START,
    PAUSE,
    CLOSE,
    SHOW
  }

  /** {@code program open|start|pause|close|show <name>}. */
  record ChangeProgram(ProgramAction action, String name) implements Command {
    public ChangeProgram {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(name, "name");
    }
  }

  record ListPrograms() implements Command {}

  /** {@code match preview [program]}: propose pairs without creating them. */
  record PreviewMatch(String program) implements Command {}

  /** {@code match swap @a @b [program]}: exchange the partners of two people in the preview. */
  record SwapMatch(String firstUserId, String secondUserId, String program) implements Command {
    public SwapMatch {
      Objects.requireNonNull(firstUserId, "firstUserId");
      Objects.requireNonNull(secondUserId, "secondUserId");
    }
  }

  /** {@code match approve [program]}: create the previewed pairs and introduce them. */
  record ApproveMatch(String program) implements Command {}

  /**
   * {@code report [program]}: admins' program report.
   *
   * @param program the program name, or {@code null} for the only running one or the default
   */
  record Report(String program) implements Command {
    public Report {
      program = program == null || program.isBlank() ? null : program.strip();
    }
  }

  /**
   * {@code dashboard [program]}: an admin asks for a private link to the web dashboard.
   *
   * @param program the program's name, or {@code null} for all of the workspace's programs
   */
  record OpenDashboard(String program) implements Command {}
}
