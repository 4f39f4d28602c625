package io.tandem.core.command;

import io.tandem.core.domain.Role;
import java.util.Objects;

/**
 * A parsed {@code /tandem} command. The records validate themselves, so a use case never sees an
 * invalid one; {@link CommandParser} produces them with friendly messages for people.
 */
public sealed interface Command {

  /** Longest topic a session log may carry. */
  int MAX_TOPIC_LENGTH = 200;

  /** Longest session that may be logged at once, in minutes. */
  int MAX_SESSION_MINUTES = 8 * 60;

  record Help() implements Command {}

  record Status() implements Command {}

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
  record Log(int minutes, String topic) implements Command {
    public Log {
      if (minutes < 1 || minutes > MAX_SESSION_MINUTES) {
        throw new IllegalArgumentException("minutes out of range: " + minutes);
      }
      topic = topic == null ? "" : topic.strip();
      if (topic.length() > MAX_TOPIC_LENGTH) {
        throw new IllegalArgumentException("topic longer than " + MAX_TOPIC_LENGTH);
      }
    }
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
}
