-- Survey runs and schedules take their ids from id_gen, like every other table (issue 7).
-- They used MAX(id) + 1, which gave two concurrent sends the same id on PostgreSQL.
-- next_val is the highest id handed out so far.

INSERT INTO id_gen (name, next_val) SELECT 'survey_run', COALESCE(MAX(id), 0) FROM survey_run;

INSERT INTO id_gen (name, next_val)
  SELECT 'survey_schedule', COALESCE(MAX(id), 0) FROM survey_schedule;
