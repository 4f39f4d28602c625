-- A migration newer than the production scripts, for tests that a taken-over database goes on
-- migrating. Only on the test classpath, outside db/migration.
CREATE TABLE later_test_table (
  id BIGINT NOT NULL PRIMARY KEY,
  note VARCHAR(200)
);
