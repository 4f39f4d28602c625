package io.tandem.core.domain;

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
 * </ul>
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
  UNMATCHED
}
