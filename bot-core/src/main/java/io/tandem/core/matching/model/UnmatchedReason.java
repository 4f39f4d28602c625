package io.tandem.core.matching.model;

/** Why someone got no partner this round, most specific first. */
public enum UnmatchedReason {
  /** Nobody enrolled on the other side. */
  NOBODY_ON_OTHER_SIDE,
  /** Nobody on the other side has the required seniority gap. */
  SENIORITY_GAP,
  /** Everyone with the right gap is in the person's reporting line. */
  REPORTING_LINE,
  /** Everyone left was a partner within the repeat cooldown. */
  RECENT_PARTNERS,
  /** Everyone left is privately excluded (admin view only). */
  EXCLUDED,
  /** Suitable partners exist, but they were all needed for other pairs. */
  ALL_TAKEN,
  /** Left out by an admin's manual pairing. */
  NOT_IN_PAIRING
}
