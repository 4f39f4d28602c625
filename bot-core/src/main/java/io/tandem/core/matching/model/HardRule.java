package io.tandem.core.matching.model;

/**
 * Rules a pair must satisfy to be considered at all. Checked in this order when explaining why
 * someone is unmatched.
 */
public enum HardRule {
  /** A person is never paired with themselves. */
  SAME_PERSON,
  /** The mentor's band is at most the mentee's band minus the program's minimum gap. */
  SENIORITY_GAP,
  /**
   * Never two people in the same reporting line: one appears in the other's manager chain, or both
   * have the same (known) direct manager.
   */
  REPORTING_LINE,
  /** Not paired again with a past partner within the program's repeat cooldown. */
  RECENT_PARTNER,
  /** Neither person has privately excluded the other. */
  EXCLUDED
}
