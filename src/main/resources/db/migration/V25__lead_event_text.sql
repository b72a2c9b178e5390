-- A reply to a prospect (up to 10,000 characters) is kept whole on the timeline.
ALTER TABLE lead_event MODIFY remark TEXT NULL;
