-- Tandem schema, version 7: exactly-once delivery across crashes (issue 5).
-- Runs unchanged on SQLite and PostgreSQL (see V1 for the conventions).

-- attempt_started_at: when an attempt whose outcome is unknown started (epoch millis), or NULL.
-- The dispatcher commits it just before it calls the platform and clears it when it records an
-- outcome that says the platform did not take the message (429, a refusal) or that it did
-- (delivered); a timeout or 5xx keeps it, even when the message goes dead (a retry of a dead
-- message looks first). A message claimed with it still set was perhaps delivered by an earlier
-- attempt (a crash, a lapsed lease, a timeout): the dispatcher first asks the platform whether a
-- message with its key arrived since then, and sends only if none did.
ALTER TABLE outbox_message ADD COLUMN attempt_started_at BIGINT;
