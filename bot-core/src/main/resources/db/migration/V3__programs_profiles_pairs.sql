-- Programs get the settings admins choose; participants get the profile that matching reads;
-- pairs and private exclusions appear.

ALTER TABLE program ADD COLUMN duration_weeks INTEGER NOT NULL DEFAULT 26;
ALTER TABLE program ADD COLUMN pilot_cap INTEGER;
ALTER TABLE program ADD COLUMN skills TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN min_seniority_gap INTEGER NOT NULL DEFAULT 1;
ALTER TABLE program ADD COLUMN repeat_cooldown_days INTEGER NOT NULL DEFAULT 365;
ALTER TABLE program ADD COLUMN weights VARCHAR(200) NOT NULL DEFAULT '';

ALTER TABLE participant ADD COLUMN department VARCHAR(100);
ALTER TABLE participant ADD COLUMN seniority_band INTEGER;
ALTER TABLE participant ADD COLUMN manager VARCHAR(100);
ALTER TABLE participant ADD COLUMN communication VARCHAR(16);
ALTER TABLE participant ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE participant ADD COLUMN capacity INTEGER NOT NULL DEFAULT 1;
ALTER TABLE participant ADD COLUMN can_teach TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN wants_to_learn TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN availability VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN profile_complete BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE mentoring_pair (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  mentor_id BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  mentee_id BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  status VARCHAR(16) NOT NULL,
  score BIGINT NOT NULL,
  reasons TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  ended_at BIGINT
);

CREATE INDEX ix_pair_program ON mentoring_pair (program_id, status);
CREATE INDEX ix_pair_mentor ON mentoring_pair (mentor_id);
CREATE INDEX ix_pair_mentee ON mentoring_pair (mentee_id);

CREATE TABLE exclusion (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  member_id BIGINT NOT NULL REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
  excluded_user_id VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT uq_exclusion UNIQUE (member_id, excluded_user_id)
);

INSERT INTO id_gen (name, next_val) VALUES ('mentoring_pair', 0), ('exclusion', 0);
