-- A program's own version of a guidance template (`guide edit`, `guide import`): the role guides,
-- the first-session agenda and the session agendas. A template without a row here is Tandem's
-- default; `guide reset` deletes the row.
CREATE TABLE guidance_template (
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  name VARCHAR(40) NOT NULL,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  text TEXT NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (program_id, name)
);

-- The session agenda a pair's reminders last suggested, and for which occurrence, so that both
-- people get the same one for a meeting and the next meeting gets another. No reference to the
-- pair: a pair removed by hand leaves a row nothing reads.
CREATE TABLE pair_agenda (
  pair_id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  agenda VARCHAR(40) NOT NULL,
  occurrence VARCHAR(10) NOT NULL
);
