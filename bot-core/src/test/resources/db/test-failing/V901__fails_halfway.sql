-- a later script whose second statement fails: neither it nor anything applied with it may stay
CREATE TABLE failing_test_table (id INTEGER PRIMARY KEY);
INSERT INTO no_such_table (id) VALUES (1);
