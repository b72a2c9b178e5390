-- Why a lead was disqualified, as a code from a short list that can be counted (out-of-region,
-- no-budget, not-a-fit, duplicate, competitor, other), next to the consultant's own words
-- (lead.status_reason). The timeline's status events keep the code they were given.
ALTER TABLE lead ADD COLUMN disqualify_reason VARCHAR(20) NULL;
ALTER TABLE lead_event ADD COLUMN reason VARCHAR(20) NULL;
-- Leads disqualified before the list existed gave their reason in words only.
UPDATE lead SET disqualify_reason = 'other' WHERE status = 'disqualified';
UPDATE lead_event SET reason = 'other' WHERE kind = 'status' AND detail = 'disqualified';
