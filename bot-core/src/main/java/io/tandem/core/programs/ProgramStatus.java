package io.tandem.core.programs;

/** Where a program is in its life. Stored by name: never rename a constant. */
public enum ProgramStatus {
  /** Being set up by an admin; nobody can join yet. */
  DRAFT,
  /** Accepting participants. */
  OPEN,
  /** Pairs are matched and meeting. */
  RUNNING,
  /** Reminders and nudges are suspended. */
  PAUSED,
  /** Finished; kept for reports. */
  CLOSED;

  /** How the status reads in chat, e.g. "open for joining". */
  public String label() {
    return switch (this) {
      case DRAFT -> "a draft";
      case OPEN -> "open for joining";
      case RUNNING -> "running";
      case PAUSED -> "paused";
      case CLOSED -> "closed";
    };
  }
}
