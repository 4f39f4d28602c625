package io.tandem.core.enrolment;

/** A participant's standing in a program. Stored by name: never rename a constant. */
public enum ParticipantStatus {
  ACTIVE,
  PAUSED,
  LEFT,
  /** Joined beyond the program's pilot cap; moves up in joining order. */
  WAITLISTED
}
