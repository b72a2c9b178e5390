-- Rate limits count recent leads per email and per client. The client is a keyed hash of its
-- address, never the address itself. Counting in the database holds across app instances.
ALTER TABLE lead ADD COLUMN client_key VARCHAR(32) NULL;

CREATE INDEX idx_lead_client_recent ON lead (client_key, submitted_at);
CREATE INDEX idx_lead_email_recent ON lead (email, submitted_at);
