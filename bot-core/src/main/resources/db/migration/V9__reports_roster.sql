-- Reports (issue 8). The HR roster that retention is measured against, members Tandem saw leave
-- the workspace (the retention proxy without a roster), and covering indexes so that every report
-- number is a GROUP BY over an index range of one program rather than a scan of a table.

-- One row per employee, replaced on each import. Dates are ISO days (YYYY-MM-DD), which order
-- as text; exit_date is empty (NULL) for people still employed.
CREATE TABLE roster_entry (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  employee VARCHAR(200) NOT NULL,
  user_id VARCHAR(64),
  hire_date VARCHAR(10) NOT NULL,
  exit_date VARCHAR(10),
  department VARCHAR(100) NOT NULL,
  seniority_band INTEGER NOT NULL,
  imported_at BIGINT NOT NULL,
  CONSTRAINT uq_roster_employee UNIQUE (workspace_id, employee)
);

CREATE INDEX ix_roster_user ON roster_entry (workspace_id, user_id);
CREATE INDEX ix_roster_stratum ON roster_entry (workspace_id, department, seniority_band, hire_date, exit_date);

INSERT INTO id_gen (name, next_val) VALUES ('roster_entry', 0);

-- when a member left the workspace or server, as far as Tandem saw it
ALTER TABLE member ADD COLUMN left_at BIGINT;

-- per-pair engagement: signals of a program by time, with the pair, type and actor in the index
CREATE INDEX ix_signal_report ON signal (program_id, occurred_at, pair_id, type, actor_member_id);
-- per-pair sessions: count, minutes, last and recent sessions without touching the table
CREATE INDEX ix_session_report ON mentoring_session (program_id, pair_id, occurred_at, minutes);
-- goals set and reached in a program
CREATE INDEX ix_goal_report ON goal (program_id, created_at, done_at);
-- dead messages of a workspace
CREATE INDEX ix_outbox_workspace_state ON outbox_message (workspace_id, state);
