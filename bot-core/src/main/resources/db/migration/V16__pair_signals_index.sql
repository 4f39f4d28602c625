-- The reminder job's alert to admins counts each escalated pair's reminders and nudges since it
-- was paired, for a batch of pairs in one query; without this index that query reads the whole
-- signal table.
CREATE INDEX ix_signal_pair ON signal (pair_id, type, occurred_at);
