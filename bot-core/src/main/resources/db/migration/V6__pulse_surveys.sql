-- Pulse surveys (issue 7). A run is one sending of a template to a program's audience.
-- Anonymity: survey_invitee says who was asked and on which DAY they answered (for reminders and
-- double-answer checks); answers of anonymous runs live in survey_tally (counts per answer) and
-- survey_text (random ids, no time), which carry no member id, no invitee key and no timestamp.
-- Named runs also keep each person's answers in survey_named_answer.

CREATE TABLE survey_run (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  template_id VARCHAR(40) NOT NULL,
  title VARCHAR(200) NOT NULL,
  anonymous INTEGER NOT NULL,
  audience VARCHAR(10) NOT NULL,
  questions TEXT NOT NULL,
  invited INTEGER NOT NULL,
  opened_at BIGINT NOT NULL,
  remind_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  reminded_at BIGINT,
  closed_at BIGINT,
  schedule_id BIGINT
);

CREATE INDEX ix_survey_run_program ON survey_run (program_id, template_id, id);
CREATE INDEX ix_survey_run_open ON survey_run (closed_at, closes_at);

CREATE TABLE survey_invitee (
  run_id BIGINT NOT NULL REFERENCES survey_run (id) DEFERRABLE INITIALLY DEFERRED,
  member_id BIGINT NOT NULL REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
  answered_on VARCHAR(10),
  PRIMARY KEY (run_id, member_id)
);

CREATE TABLE survey_tally (
  run_id BIGINT NOT NULL REFERENCES survey_run (id) DEFERRABLE INITIALLY DEFERRED,
  question INTEGER NOT NULL,
  answer INTEGER NOT NULL,
  responses INTEGER NOT NULL,
  PRIMARY KEY (run_id, question, answer)
);

CREATE TABLE survey_text (
  id BIGINT NOT NULL PRIMARY KEY,
  run_id BIGINT NOT NULL REFERENCES survey_run (id) DEFERRABLE INITIALLY DEFERRED,
  question INTEGER NOT NULL,
  text TEXT NOT NULL
);

CREATE INDEX ix_survey_text_run ON survey_text (run_id, question);

CREATE TABLE survey_named_answer (
  run_id BIGINT NOT NULL REFERENCES survey_run (id) DEFERRABLE INITIALLY DEFERRED,
  member_id BIGINT NOT NULL REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
  question INTEGER NOT NULL,
  answer INTEGER,
  text TEXT,
  PRIMARY KEY (run_id, member_id, question)
);

CREATE TABLE survey_schedule (
  id BIGINT NOT NULL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  template_id VARCHAR(40) NOT NULL,
  spec VARCHAR(200) NOT NULL,
  cron VARCHAR(120) NOT NULL,
  zone VARCHAR(60) NOT NULL,
  next_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  cancelled_at BIGINT
);
