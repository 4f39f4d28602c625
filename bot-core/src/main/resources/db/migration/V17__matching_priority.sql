-- The optional career-start band a profile asks for (CareerStart's names; NULL when not given):
-- the score's generation mix compares it. Who waits for a partner needs no column: the UNMATCHED
-- signals that approving a round records say it.
ALTER TABLE participant ADD COLUMN career_start VARCHAR(16);
