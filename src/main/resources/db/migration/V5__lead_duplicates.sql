-- A repeat request (same email, or the same organisation however it is written) is kept and
-- linked to the first one, never rejected.
ALTER TABLE lead
    ADD COLUMN organisation_key VARCHAR(200) NULL,
    ADD COLUMN duplicate_of     BIGINT       NULL,
    ADD CONSTRAINT fk_lead_duplicate_of FOREIGN KEY (duplicate_of) REFERENCES lead (id);

CREATE INDEX idx_lead_organisation_key ON lead (organisation_key);
