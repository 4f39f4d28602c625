package io.tandem.core.kernel;

/**
 * The kinds of engagement signal Tandem records. Signals are an append-only log that reports read
 * (pair health, participation, retention), so this list is <b>stable</b>: each constant is stored
 * by its name, so never rename or remove one; add new kinds at the end.
 *
 * <ul>
 *   <li>{@link #PARTICIPANT_JOINED} — a member joined a program (details: {@code role})
 *   <li>{@link #SESSION_LOGGED} — a participant logged a session (details: {@code minutes}, {@code
 *       topicLength}; never the topic text)
 *   <li>{@link #STATUS_VIEWED} — a participant looked at their status
 *   <li>{@link #PROFILE_UPDATED} — a participant saved one page of their profile (details: {@code
 *       page}; never the answers)
 *   <li>{@link #PROFILE_COMPLETED} — both pages of a profile are filled in
 *   <li>{@link #WAITLISTED} — a participant joined beyond the pilot cap
 *   <li>{@link #EXCLUSION_ADDED} — a member asked never to be paired with someone (no details)
 *   <li>{@link #PROGRAM_CREATED}, {@link #PROGRAM_CHANGED} — an admin set up or moved a program
 *       (details: {@code status})
 *   <li>{@link #MATCH_PREVIEWED}, {@link #MATCH_SWAPPED}, {@link #MATCH_APPROVED} — an admin's
 *       matching steps (details: pair and unmatched counts)
 *   <li>{@link #PAIR_CREATED} — a pair was approved and introduced
 *   <li>{@link #UNMATCHED} — a participant was left without a partner and told why
 *   <li>{@link #MEETING_WAY_CHOSEN} — someone in a new pair answered how they'd like to meet
 *       (details: {@code way})
 *   <li>{@link #SESSION_EDITED} — someone changed their own log of a session (details: {@code
 *       minutes}, {@code moved} when the day changed; never the text)
 *   <li>{@link #SESSION_DELETED} — someone deleted their own log (details: {@code sessionGone} when
 *       nobody's log of that meeting remains)
 *   <li>{@link #LOGS_VIEWED} — someone listed their pair's sessions
 *   <li>{@link #PARTNER_ASKED_TO_LOG} — the partner of someone who logged was asked, once per
 *       session, to add their side (actor: the partner)
 *   <li>{@link #FORM_OPENED} — Tandem opened a form for a check-in, goal or review (details: {@code
 *       form})
 *   <li>{@link #GOAL_SET}, {@link #GOAL_DONE} — a goal in a pair's plan was set or reached
 *       (details: {@code number}, {@code forPartner}, {@code due}; never the text)
 *   <li>{@link #GOALS_VIEWED}, {@link #TASKS_VIEWED} — someone listed the plan
 *   <li>{@link #TASK_SET}, {@link #TASK_DONE} — a task under a goal was set or done (details:
 *       {@code number}, {@code goal})
 *   <li>{@link #SKILLS_REVIEWED} — someone re-rated the skills they rated at enrolment (details:
 *       {@code skills}, {@code change}: the summed change in levels)
 *   <li>{@link #HOME_OPENED} — someone opened Tandem's App Home tab (Slack)
 *   <li>{@link #REMINDER_SENT} — a cadence reminder was queued for one person (details: {@code
 *       occurrence}); {@link #REMINDER_MOVED} — a pair snoozed or moved it (details: {@code to});
 *       {@link #REMINDERS_CHOSEN} — someone chose their own reminder time or weekend choice
 *       (details: {@code at}, {@code weekends}, whichever they changed)
 *   <li>{@link #NUDGE_SENT} — a nudge was queued (details: {@code step} 1, 2 or {@code admin})
 *   <li>{@link #PAIR_ESCALATED} — the program admins were alerted about a stalled pair
 *   <li>{@link #PAIR_AT_RISK}, {@link #PAIR_CONTINUED} — a pair missed too many rounds and was
 *       asked what next; someone chose to carry on
 *   <li>{@link #HELP_REQUESTED} — someone in a pair pressed "We need help" (details: {@code admins}
 *       told)
 *   <li>{@link #PARTICIPANT_PAUSED} (details: {@code days}), {@link #PARTICIPANT_RESUMED} (details:
 *       {@code automatic}), {@link #PARTICIPANT_LEFT}, {@link #PAIR_ENDED} (details: {@code
 *       reason}), {@link #WAITLIST_PROMOTED} — participation changes
 * </ul>
 *
 * <p>{@link #SESSION_LOGGED} details also carry {@code useful} (1–5) when given and {@code
 * perspective} {@code second} when the partner had logged the same meeting first. Notes to self are
 * never part of any signal.
 */
public enum SignalType {
  PARTICIPANT_JOINED,
  SESSION_LOGGED,
  STATUS_VIEWED,
  PROFILE_UPDATED,
  PROFILE_COMPLETED,
  WAITLISTED,
  EXCLUSION_ADDED,
  PROGRAM_CREATED,
  PROGRAM_CHANGED,
  MATCH_PREVIEWED,
  MATCH_SWAPPED,
  MATCH_APPROVED,
  PAIR_CREATED,
  UNMATCHED,
  MEETING_WAY_CHOSEN,
  SESSION_EDITED,
  SESSION_DELETED,
  LOGS_VIEWED,
  PARTNER_ASKED_TO_LOG,
  FORM_OPENED,
  GOAL_SET,
  GOAL_DONE,
  GOALS_VIEWED,
  TASK_SET,
  TASK_DONE,
  TASKS_VIEWED,
  SKILLS_REVIEWED,
  HOME_OPENED,
  // reminders, the nudge ladder, pause/resume/leave (see Reminders, Nudges, Participation)
  REMINDER_SENT,
  REMINDER_MOVED,
  REMINDERS_CHOSEN,
  NUDGE_SENT,
  PAIR_ESCALATED,
  PAIR_AT_RISK,
  PAIR_CONTINUED,
  HELP_REQUESTED,
  PARTICIPANT_PAUSED,
  PARTICIPANT_RESUMED,
  PARTICIPANT_LEFT,
  PAIR_ENDED,
  WAITLIST_PROMOTED,
  /** A pulse survey run was sent (details: {@code run}, {@code template}, {@code invited}). */
  SURVEY_SENT,
  /**
   * Someone answered a pulse survey (details: {@code run}; for anonymous runs the time is the start
   * of the day, like the has-answered marker).
   */
  SURVEY_ANSWERED,
  /** A non-respondent was reminded of an open survey (details: {@code run}). */
  SURVEY_REMINDED,
  /** A survey run closed (details: {@code run}, {@code invited}, {@code answered}). */
  SURVEY_CLOSED,
  /**
   * A closed program asked a participant to re-rate the skills they rated at enrolment (no
   * details).
   */
  REVIEW_REQUESTED,
  /**
   * Someone closed a form Tandem opened without submitting it (details: {@code form}, the form id
   * only; never what was typed). Slack only: Discord reports no close of a modal.
   */
  FORM_ABANDONED,
  /**
   * A member left the workspace or server, as the platform told Tandem (Slack: the account was
   * deactivated; Discord: they left, were kicked or banned). Workspace-wide: no program or pair; no
   * details. The first departure only.
   */
  MEMBER_LEFT,
  /** A member Tandem had seen leave is back (Slack: the account was reactivated). No details. */
  MEMBER_RETURNED,
  /**
   * A workspace admin made someone an admin of one program (details: {@code admin} and {@code by},
   * each {@code @} and a platform user id).
   */
  PROGRAM_ADMIN_ADDED,
  /** A workspace admin took a program's admin right away (details as for the grant). */
  PROGRAM_ADMIN_REMOVED,
  /** A person of a pair was asked the check-in due at a point (details: {@code point}, days). */
  PAIR_CHECKIN_SENT,
  /**
   * A person answered a pair check-in, once per check-in (details: {@code point}; never the
   * answers); the engagement score counts it like a survey answer.
   */
  PAIR_CHECKIN_ANSWERED,
  /** An admin set a program's check-in points (details: {@code days}, empty when off). */
  CHECKIN_POINTS_SET,
  /**
   * A pair's working agreement was reached (details: {@code settled} when their answers had
   * differed first).
   */
  AGREEMENT_REACHED,
  /** Both of a pair answered their working agreement differently (details: {@code terms}). */
  AGREEMENT_DIFFERED,
  /** The program admins were told that a pair has no working agreement after the set time. */
  AGREEMENT_FLAGGED,
  /** Someone answered whether the agreement still holds at mid-program (details: {@code holds}). */
  AGREEMENT_REVIEWED
}
