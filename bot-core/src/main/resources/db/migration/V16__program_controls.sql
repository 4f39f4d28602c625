-- A program's length counts from when it first started running (started_at; a program started
-- before this column existed counts from its creation). end_notice_at: when its people were told
-- that it ends in a week; ended_at: when it closed at the end of its length. Both keep the
-- program-end job from telling or closing twice.
ALTER TABLE program ADD COLUMN started_at BIGINT;
ALTER TABLE program ADD COLUMN end_notice_at BIGINT;
ALTER TABLE program ADD COLUMN ended_at BIGINT;
