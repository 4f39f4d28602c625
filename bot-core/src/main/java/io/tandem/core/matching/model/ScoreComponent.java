package io.tandem.core.matching.model;

/** The parts of a pair's score; each is a number between 0 and 1 before weighting. */
public enum ScoreComponent {
  /** Share of the mentee's wanted skills that the mentor offers. */
  TEACHES_WANTED,
  /** Share of the mentor's wanted skills that the mentee offers (two-way learning). */
  LEARNS_BACK,
  /** 1 same preference; 0.5 call and in person; 0 chat against a live conversation. */
  COMMUNICATION,
  /** Shared weekly hours across time zones, full at {@link Matcher#FULL_OVERLAP_HOURS}. */
  AVAILABILITY,
  /** 1 when both departments are known and differ. */
  CROSS_DEPARTMENT,
  /** 1 when both generations are known and differ, 0 when the same, 0.5 when either is unknown. */
  CROSS_GENERATION
}
