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
}
