-- Reminders, the nudge ladder and pause/resume/leave (issue 5).
-- Program settings: the local hour reminders go out at, whether weekends are allowed, and the
-- nudge ladder's thresholds (days past due; missed cadence rounds before a pair is at risk).

ALTER TABLE program ADD COLUMN reminder_hour INTEGER NOT NULL DEFAULT 10;
ALTER TABLE program ADD COLUMN reminder_weekends BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE program ADD COLUMN nudge_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE program ADD COLUMN second_nudge_days INTEGER NOT NULL DEFAULT 14;
ALTER TABLE program ADD COLUMN escalate_days INTEGER NOT NULL DEFAULT 21;
ALTER TABLE program ADD COLUMN at_risk_rounds INTEGER NOT NULL DEFAULT 3;

-- a participant may override the program's hour and weekend rule; a pause ends by itself
ALTER TABLE participant ADD COLUMN reminder_hour INTEGER;
ALTER TABLE participant ADD COLUMN reminder_weekends BOOLEAN;
ALTER TABLE participant ADD COLUMN paused_until BIGINT;

-- a pair's cadence restarts at approval, at each logged session, and when it resumes or chooses
-- to continue; a snooze or a picked day moves the current reminder; at-risk pairs were asked
ALTER TABLE mentoring_pair ADD COLUMN restarted_at BIGINT;
ALTER TABLE mentoring_pair ADD COLUMN remind_on BIGINT;
ALTER TABLE mentoring_pair ADD COLUMN at_risk_at BIGINT;

-- the people who acted as admins in a workspace (ran a command while the platform said they are
-- admins): they hear "we need help" requests and the nudge ladder's escalations
CREATE TABLE workspace_admin (
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  user_id VARCHAR(64) NOT NULL,
  first_seen_at BIGINT NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);

CREATE INDEX ix_participant_status ON participant (status, paused_until);
