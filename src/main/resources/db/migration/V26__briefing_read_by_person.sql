-- What a person has read, for "new" and "updated since you read it" in the portal's list.
CREATE INDEX idx_briefing_read_subject ON briefing_read (subject, briefing_id, version_number);
