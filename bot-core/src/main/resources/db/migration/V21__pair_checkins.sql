-- When a program asks each pair how it is going: days after the pair was made, e.g. "30,60,90".
-- No row keeps the default points; an empty text means the admins turned check-ins off.
CREATE TABLE program_checkin_points (
  program_id BIGINT NOT NULL PRIMARY KEY REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  days VARCHAR(64) NOT NULL,
  changed_at BIGINT NOT NULL
);

-- One person's check-in at one point of their pair: the row is written when the question is
-- queued (so the due query skips it), and filled in when they answer. rating: 1-5 ("How is it
-- going?"); learning: YES, PARTLY or NO ("Is your partner learning from you?"); note: optional,
-- never shown to admins. consent: ASKED when a low answer asked whether to tell the admins, then
-- YES or NO.
CREATE TABLE pair_checkin (
  pair_id BIGINT NOT NULL REFERENCES mentoring_pair (id) DEFERRABLE INITIALLY DEFERRED,
  participant_id BIGINT NOT NULL REFERENCES participant (id) DEFERRABLE INITIALLY DEFERRED,
  point_days INTEGER NOT NULL,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  asked_at BIGINT NOT NULL,
  rating INTEGER,
  learning VARCHAR(8),
  note TEXT,
  answered_at BIGINT,
  consent VARCHAR(8),
  PRIMARY KEY (pair_id, participant_id, point_days)
);

-- the program report's aggregate
CREATE INDEX ix_pair_checkin_program ON pair_checkin (program_id, answered_at);
