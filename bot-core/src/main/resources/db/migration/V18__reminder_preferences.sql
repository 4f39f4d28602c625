-- Each person's own choice of when reminders reach them, for every pair and program they are in
-- (`remind me at 9:00`, `remind me on weekends`, the form on the Home): the local time as minutes
-- after midnight in their own time zone, and whether weekends are welcome. NULL keeps what the
-- participant row or the program says.
ALTER TABLE member ADD COLUMN reminder_minute INTEGER;
ALTER TABLE member ADD COLUMN reminder_weekends BOOLEAN;
