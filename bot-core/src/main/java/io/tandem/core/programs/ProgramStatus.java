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
  CLOSED
}
