-- The web-to-lead API's Idempotency-Key (prefixed with the calling key's name): a replay finds
-- the lead the first call created.
ALTER TABLE lead
    ADD COLUMN idempotency_key VARCHAR(150) NULL,
    ADD CONSTRAINT uk_lead_idempotency_key UNIQUE (idempotency_key);
