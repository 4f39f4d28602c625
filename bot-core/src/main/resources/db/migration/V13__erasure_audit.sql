-- One line per erasure of a person's data: when, in which workspace, at whose request ("self",
-- "admin <user id>" or "operator") and how many rows changed. Never whom it erased.
CREATE TABLE erasure_audit (
  workspace_id BIGINT NOT NULL,
  erased_at BIGINT NOT NULL,
  erased_by VARCHAR(100) NOT NULL,
  rows_changed INTEGER NOT NULL
);

CREATE INDEX ix_erasure_audit_workspace ON erasure_audit (workspace_id, erased_at);
