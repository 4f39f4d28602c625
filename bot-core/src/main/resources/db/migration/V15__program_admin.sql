-- People an admin made admins of one program from chat ("program admins add @person program"):
-- they run that program's admin commands without being workspace admins. Who granted it and
-- when stay on the row (the signal log has the event too); removing the right deletes the row.
CREATE TABLE program_admin (
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) DEFERRABLE INITIALLY DEFERRED,
  program_id BIGINT NOT NULL REFERENCES program (id) DEFERRABLE INITIALLY DEFERRED,
  user_id VARCHAR(64) NOT NULL,
  granted_by VARCHAR(64) NOT NULL,
  granted_at BIGINT NOT NULL,
  PRIMARY KEY (program_id, user_id)
);

-- "which programs does this person administer" on every admin command and on help
CREATE INDEX ix_program_admin_user ON program_admin (workspace_id, user_id);
