-- Tandem schema, version 10: the inbox. Every request Tandem acknowledges (a command, a click, a
-- form, an event) is a row here before the acknowledgement goes out, keyed by what the platform
-- repeats when it delivers the same request again (Slack: trigger_id or event_id; Discord: the
-- interaction id), so a retry or a replay finds its row and changes nothing.
-- Runs unchanged on SQLite and PostgreSQL (see V1 for the conventions).

-- state: PENDING (acknowledged, its effect not yet committed; a restart runs it again), DONE (the
-- effect committed in the same transaction that stored the answer; the answer is owed), ANSWERING
-- (the answer went out, or was going out when the process died: it is never sent again, so nobody
-- is answered twice), ANSWERED (answered in the acknowledgement or as a direct message through the
-- outbox, or nothing to answer).
-- request: what the platform sent, as the adapter read it (JSON); answer: the reply to send (JSON,
-- the outbox payload format). Times are epoch milliseconds.
CREATE TABLE inbox (
  delivery_key VARCHAR(200) NOT NULL PRIMARY KEY,
  platform VARCHAR(16) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  request TEXT NOT NULL,
  state VARCHAR(16) NOT NULL,
  answer TEXT,
  received_at BIGINT NOT NULL,
  done_at BIGINT
);

-- the rows a restart resumes, and old rows to forget
CREATE INDEX ix_inbox_state ON inbox (state, received_at);
