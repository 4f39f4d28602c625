-- "has this person ever done X" (e.g. opened the App Home, asked on every check-in) without
-- reading the whole signal log: one index seek per question.
CREATE INDEX ix_signal_actor_type ON signal (actor_member_id, type);

-- a pair's engagement (status, the nudge ladder, the reminder job's escalation counts for a
-- batch of pairs): its signals of some types since a date
CREATE INDEX ix_signal_pair_type ON signal (pair_id, type, occurred_at);

-- The direct-message conversation a platform opened for a set of people (Slack:
-- conversations.open users=U1,U2 gives a channel id), kept so that a restart does not spend the
-- platform's rate budget (Slack: Tier 3) opening them again. users is the sorted,
-- comma-separated user ids; a row goes when the platform says the channel is gone.
CREATE TABLE dm_channel (
  platform VARCHAR(20) NOT NULL,
  users VARCHAR(400) NOT NULL,
  channel_id VARCHAR(100) NOT NULL,
  PRIMARY KEY (platform, users)
);
