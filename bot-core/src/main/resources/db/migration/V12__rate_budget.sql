-- Rate-limit budgets shared by every instance on one database: one row per bucket (a limiter's
-- name and key, e.g. Slack's workspace budget or one channel's chat.postMessage pace). free_at is
-- the instant, in nanoseconds since the epoch, from which the bucket's next permit is free; each
-- permit moves it on by one interval in a single atomic upsert, so instances book permits in turn
-- and together never exceed the platform's limit. Rows of buckets that have refilled are deleted.
CREATE TABLE rate_budget (
  bucket VARCHAR(400) NOT NULL PRIMARY KEY,
  free_at BIGINT NOT NULL
);
