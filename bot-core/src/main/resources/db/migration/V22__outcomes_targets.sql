-- What changed at work because of a goal, in its owner's own words: asked once when the goal is
-- marked done, optional. Personal text: exported and erased with the person's other words.
ALTER TABLE goal ADD COLUMN outcome_text VARCHAR(300);
ALTER TABLE goal ADD COLUMN outcome_at BIGINT;

-- A program's targets, set by its admins from chat ("program targets … meet 80% goals 70%"):
-- each a whole percentage, NULL when not set. meet_monthly: pairs that meet at least monthly;
-- goals_done: goals done of goals set; retention: participants' retention as a share of the
-- non-participants'.
CREATE TABLE program_target (
  program_id BIGINT NOT NULL PRIMARY KEY REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  meet_monthly INTEGER,
  goals_done INTEGER,
  retention INTEGER,
  set_at BIGINT NOT NULL
);
