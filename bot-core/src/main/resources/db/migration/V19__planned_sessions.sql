-- The session a pair planned by picking a proposed slot: one row per pair, moved when they pick
-- another time. starts_at is the event's start as sent in the calendar invitation (the first of a
-- series when repeat_days is set); next_at is the occurrence the pair is due to meet next, NULL when
-- nothing further is planned; sequence counts the invitations sent, so calendars update one event.
CREATE TABLE planned_session (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  pair_id BIGINT NOT NULL REFERENCES mentoring_pair (id) DEFERRABLE INITIALLY DEFERRED,
  starts_at BIGINT NOT NULL,
  next_at BIGINT,
  minutes INTEGER NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  repeat_days INTEGER,
  sequence INTEGER NOT NULL,
  status VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_planned_session_pair UNIQUE (pair_id)
);

CREATE INDEX ix_planned_session_next ON planned_session (status, next_at);

INSERT INTO id_gen (name, next_val) VALUES ('planned_session', 0);

-- The pair's next planned session, as planned_session.next_at holds it, read with the pair by the
-- reminder job so that reminders propose a time only to pairs with none planned.
ALTER TABLE mentoring_pair ADD COLUMN next_session_at BIGINT;
