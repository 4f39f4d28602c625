package io.tandem.core.privacy;

/** What erasure does to one column. */
public enum Treatment {
  /** Replaced by the person's random pseudonym ({@code erased-…}). */
  PSEUDONYMISE,
  /** Set to NULL. */
  NULL,
  /** Set to the empty text (NOT NULL text columns). */
  EMPTY,
  /** The person's user id, name and email inside the text are replaced by the pseudonym. */
  REPLACE_MENTIONS,
  /** An outbox payload addressed to the person: replaced by an empty message. */
  EMPTY_PAYLOAD,
  /** A row id pointing at a pseudonymised row (member, participant): kept, so counts hold. */
  LINK,
  /** Nothing personal (or anonymous by design): kept as it is. */
  KEEP
}
