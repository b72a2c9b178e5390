-- Whether the prospect's acknowledgement and the consultants' notice went out; a retry job
-- picks up what a mail outage left unsent.
ALTER TABLE lead
    ADD COLUMN ack_sent_at        DATETIME(6) NULL,
    ADD COLUMN triage_notified_at DATETIME(6) NULL,
    ADD COLUMN mail_attempts      INT         NOT NULL DEFAULT 0;

CREATE INDEX idx_lead_mail_pending ON lead (status, ack_sent_at, mail_attempts);
