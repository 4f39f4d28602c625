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
 * </ul>
 */
public enum SignalType {
  PARTICIPANT_JOINED,
  SESSION_LOGGED,
  STATUS_VIEWED
}
