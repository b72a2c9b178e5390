-- The leads report counts a period's leads by country, sector and service. Through the join tables a
-- quarter at a million leads costs some 150,000 lookups; instead each lead row carries a copy of its
-- codes ("BF,ML"), kept by the triggers below whatever writes the join tables, and the report index
-- holds the copies, so the report reads one index range. The join tables stay the truth: the inbox
-- filters and the matcher read them.
ALTER TABLE lead
    ADD COLUMN country_codes VARCHAR(40)  CHARACTER SET ascii NOT NULL DEFAULT '',
    ADD COLUMN sector_codes  VARCHAR(160) CHARACTER SET ascii NOT NULL DEFAULT '',
    ADD COLUMN service_codes VARCHAR(160) CHARACTER SET ascii NOT NULL DEFAULT '';

CREATE TRIGGER lead_country_copy_insert AFTER INSERT ON lead_country FOR EACH ROW
    UPDATE lead SET country_codes = CONCAT_WS(',', NULLIF(country_codes, ''), NEW.country_code) WHERE id = NEW.lead_id;

CREATE TRIGGER lead_country_copy_delete AFTER DELETE ON lead_country FOR EACH ROW
    UPDATE lead SET country_codes = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', country_codes, ','), CONCAT(',', OLD.country_code, ','), ','))
    WHERE id = OLD.lead_id;

CREATE TRIGGER lead_sector_copy_insert AFTER INSERT ON lead_sector FOR EACH ROW
    UPDATE lead SET sector_codes = CONCAT_WS(',', NULLIF(sector_codes, ''), NEW.sector_code) WHERE id = NEW.lead_id;

CREATE TRIGGER lead_sector_copy_delete AFTER DELETE ON lead_sector FOR EACH ROW
    UPDATE lead SET sector_codes = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', sector_codes, ','), CONCAT(',', OLD.sector_code, ','), ','))
    WHERE id = OLD.lead_id;

CREATE TRIGGER lead_service_copy_insert AFTER INSERT ON lead_service FOR EACH ROW
    UPDATE lead SET service_codes = CONCAT_WS(',', NULLIF(service_codes, ''), NEW.service_code) WHERE id = NEW.lead_id;

CREATE TRIGGER lead_service_copy_delete AFTER DELETE ON lead_service FOR EACH ROW
    UPDATE lead SET service_codes = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', service_codes, ','), CONCAT(',', OLD.service_code, ','), ','))
    WHERE id = OLD.lead_id;

-- Codes an API client sent in another case ("ml") were stored as sent; the app now stores the reference
-- tables' spelling, and so do these rows from now on.
UPDATE lead_country c JOIN country r ON r.code = c.country_code SET c.country_code = r.code
    WHERE CAST(c.country_code AS BINARY) <> CAST(r.code AS BINARY);
UPDATE lead_sector s JOIN sector r ON r.code = s.sector_code SET s.sector_code = r.code
    WHERE CAST(s.sector_code AS BINARY) <> CAST(r.code AS BINARY);
UPDATE lead_service v JOIN advisory_service r ON r.code = v.service_code SET v.service_code = r.code
    WHERE CAST(v.service_code AS BINARY) <> CAST(r.code AS BINARY);

-- Filled after the triggers exist, so that a lead written meanwhile (an instance still taking requests during
-- the deploy) is copied either way.
UPDATE lead l SET
    country_codes = COALESCE((SELECT GROUP_CONCAT(c.country_code ORDER BY c.country_code) FROM lead_country c WHERE c.lead_id = l.id), ''),
    sector_codes = COALESCE((SELECT GROUP_CONCAT(s.sector_code ORDER BY s.sector_code) FROM lead_sector s WHERE s.lead_id = l.id), ''),
    service_codes = COALESCE((SELECT GROUP_CONCAT(v.service_code ORDER BY v.service_code) FROM lead_service v WHERE v.lead_id = l.id), '');

-- The report index, now with the copies: a period's status, arrival, source, first response and codes.
DROP INDEX idx_lead_report ON lead;
CREATE INDEX idx_lead_report ON lead (status, submitted_at, source, first_response_at, country_codes, sector_codes, service_codes);
