-- Tandem schema, version 1. Runs unchanged on SQLite and PostgreSQL:
-- portable types only; times are BIGINT epoch milliseconds (UTC); ids come from id_gen.
-- Statements end with a semicolon at the end of a line.

CREATE TABLE id_gen (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  next_val BIGINT NOT NULL
);

INSERT INTO id_gen (name, next_val) VALUES
  ('workspace', 0),
  ('member', 0),
  ('program', 0),
  ('participant', 0),
  ('mentoring_session', 0),
  ('signal', 0),
  ('outbox_message', 0);

CREATE TABLE workspace (
  id BIGINT NOT NULL PRIMARY KEY,
  platform VARCHAR(16) NOT NULL,
  external_id VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT uq_workspace_external UNIQUE (platform, external_id)
);

CREATE TABLE member (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  user_id VARCHAR(64) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  time_zone VARCHAR(64),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_member_user UNIQUE (workspace_id, user_id)
);

CREATE TABLE program (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  name VARCHAR(100) NOT NULL,
  cadence_days INTEGER NOT NULL DEFAULT 14,
  status VARCHAR(16) NOT NULL,
  is_default BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  CONSTRAINT uq_program_name UNIQUE (workspace_id, name)
);

-- at most one default program per workspace
CREATE UNIQUE INDEX uq_program_default ON program (workspace_id) WHERE is_default = TRUE;

CREATE TABLE participant (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  member_id BIGINT NOT NULL REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
  role VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  joined_at BIGINT NOT NULL,
  CONSTRAINT uq_participant_member UNIQUE (program_id, member_id)
);

CREATE INDEX ix_participant_member ON participant (member_id, joined_at);

CREATE TABLE mentoring_session (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  participant_id BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  occurred_at BIGINT NOT NULL,
  minutes INTEGER NOT NULL,
  topic VARCHAR(200) NOT NULL
);

CREATE INDEX ix_session_participant ON mentoring_session (participant_id, occurred_at);
CREATE INDEX ix_session_program ON mentoring_session (program_id, occurred_at);

-- append-only engagement log; no foreign keys so that it survives erasure of the rows it names
CREATE TABLE signal (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL,
  type VARCHAR(40) NOT NULL,
  actor_member_id BIGINT,
  program_id BIGINT,
  participant_id BIGINT,
  pair_id BIGINT,
  occurred_at BIGINT NOT NULL,
  details TEXT NOT NULL
);

CREATE INDEX ix_signal_workspace_type ON signal (workspace_id, type, occurred_at);
CREATE INDEX ix_signal_program ON signal (program_id, occurred_at);
CREATE INDEX ix_signal_participant ON signal (participant_id, occurred_at);

CREATE TABLE outbox_message (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  dedup_key VARCHAR(200) NOT NULL,
  platform VARCHAR(16) NOT NULL,
  recipient_user_id VARCHAR(64) NOT NULL,
  channel_id VARCHAR(64),
  payload TEXT NOT NULL,
  not_before BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  delivered_at BIGINT,
  last_error TEXT,
  version INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT uq_outbox_dedup UNIQUE (dedup_key)
);

CREATE INDEX ix_outbox_due ON outbox_message (state, not_before);
