-- A member's work email, lower-cased, as the platform reports it (Slack's users.info with the
-- users:read.email scope; Discord gives bots none, so NULL there). Used for one thing only: linking
-- HR roster rows that have an email but no chat user id to the member (tandem import roster).
ALTER TABLE member ADD COLUMN email VARCHAR(320);

CREATE INDEX ix_member_email ON member (workspace_id, email);
