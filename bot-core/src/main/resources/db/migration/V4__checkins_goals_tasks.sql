-- Check-ins, goals and tasks (issue 6). A session is one meeting of a pair on one day in the
-- logger's time zone; each person who logs it adds their own perspective (session_note).
-- Unpaired logs keep a session each, with no pair. Notes to self live only in session_note.

ALTER TABLE mentoring_session ADD COLUMN pair_id BIGINT;
ALTER TABLE mentoring_session ADD COLUMN local_date VARCHAR(10);
ALTER TABLE mentoring_session ADD COLUMN number INTEGER NOT NULL DEFAULT 0;

-- one session per pair and day: the second person's log joins the first's
CREATE UNIQUE INDEX uq_session_pair_day ON mentoring_session (pair_id, local_date) WHERE pair_id IS NOT NULL;
CREATE INDEX ix_session_pair ON mentoring_session (pair_id, number);

CREATE TABLE session_note (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  session_id BIGINT NOT NULL REFERENCES mentoring_session (id) DEFERRABLE INITIALLY DEFERRED,
  participant_id BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  minutes INTEGER NOT NULL,
  topic VARCHAR(200) NOT NULL,
  taught TEXT NOT NULL DEFAULT '',
  learned TEXT NOT NULL DEFAULT '',
  usefulness INTEGER,
  private_note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT uq_session_note UNIQUE (session_id, participant_id)
);

CREATE INDEX ix_session_note_participant ON session_note (participant_id);

CREATE TABLE goal (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  pair_id BIGINT NOT NULL REFERENCES mentoring_pair (id) DEFERRABLE INITIALLY DEFERRED,
  number INTEGER NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  created_by BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  text VARCHAR(300) NOT NULL,
  due_date VARCHAR(10),
  created_at BIGINT NOT NULL,
  done_at BIGINT,
  CONSTRAINT uq_goal_number UNIQUE (pair_id, number)
);

CREATE TABLE goal_task (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  pair_id BIGINT NOT NULL REFERENCES mentoring_pair (id) DEFERRABLE INITIALLY DEFERRED,
  goal_id BIGINT NOT NULL REFERENCES goal (id) DEFERRABLE INITIALLY DEFERRED,
  number INTEGER NOT NULL,
  text VARCHAR(300) NOT NULL,
  created_by BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  created_at BIGINT NOT NULL,
  done_at BIGINT,
  done_by BIGINT,
  CONSTRAINT uq_task_number UNIQUE (pair_id, number)
);

CREATE INDEX ix_task_goal ON goal_task (goal_id);

-- self-ratings of the skills a participant wanted to learn, re-rated on goal review
CREATE TABLE skill_rating (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  participant_id BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  skill VARCHAR(100) NOT NULL,
  level INTEGER NOT NULL,
  rated_at BIGINT NOT NULL
);

CREATE INDEX ix_skill_rating_participant ON skill_rating (participant_id, rated_at);

INSERT INTO id_gen (name, next_val) VALUES ('session_note', 0), ('goal', 0), ('goal_task', 0), ('skill_rating', 0);
