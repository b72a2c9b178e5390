-- When a lead went into the quarantine (at intake, or marked spam later): the retention job deletes
-- spam 30 days after that, not 30 days after the lead arrived.
ALTER TABLE lead
    ADD COLUMN quarantined_at DATETIME(6) NULL,
    ADD INDEX idx_lead_quarantined (status, quarantined_at);
UPDATE lead SET quarantined_at = submitted_at WHERE status = 'spam';
