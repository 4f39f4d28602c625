-- Each pair's working agreement: how they meet, how often, and that feedback goes both ways. The
-- row is the pair's, made when the pair is introduced; status is ASKING until both answered, then
-- AGREED (same answers), DIFFERENT (until they settle it) or SETTLED. meet and every_days hold the
-- agreed terms once reached. opened_at counts the time to agree (reopening restarts it);
-- flagged_at and review_asked_at keep the agreement job from alerting admins or asking at
-- mid-program twice. version grows with every change, for the keys of the messages it causes.
CREATE TABLE working_agreement (
  pair_id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  status VARCHAR(16) NOT NULL,
  meet VARCHAR(16),
  every_days INTEGER,
  opened_at BIGINT NOT NULL,
  reached_at BIGINT,
  flagged_at BIGINT,
  review_asked_at BIGINT,
  version INTEGER NOT NULL
);

-- the agreement job's two set-based questions: unagreed since when, and reached but not reviewed
CREATE INDEX ix_working_agreement_due ON working_agreement (status, opened_at);
-- the report's count per program
CREATE INDEX ix_working_agreement_program ON working_agreement (program_id, reached_at);

-- One person's answer for one pair: what they chose so far, and answered_at once they confirmed
-- (feedback both ways, with an optional note in their own words).
CREATE TABLE working_agreement_answer (
  id BIGINT NOT NULL PRIMARY KEY,
  pair_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
  meet VARCHAR(16),
  every_days INTEGER,
  note TEXT NOT NULL DEFAULT '',
  answered_at BIGINT
);

CREATE UNIQUE INDEX ix_working_agreement_answer ON working_agreement_answer (pair_id, member_id);
CREATE INDEX ix_working_agreement_answer_member ON working_agreement_answer (member_id);

INSERT INTO id_gen (name, next_val) VALUES ('working_agreement_answer', 0);
