-- Data protection: when a lead's personal data was erased (on request, or by the retention job once
-- the period the form states has passed); the index finds the leads the retention job is due to
-- anonymise without reading the others.
ALTER TABLE lead
    ADD COLUMN erased_at DATETIME(6) NULL,
    ADD INDEX idx_lead_retention (erased_at, submitted_at);

-- A client's person whose erasure was asked for: their Keycloak account is deleted, not only disabled.
ALTER TABLE client_user
    ADD COLUMN erase_account BOOLEAN NOT NULL DEFAULT FALSE;
