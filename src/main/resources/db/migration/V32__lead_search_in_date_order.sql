-- The inbox's text search walks the list newest (or oldest) first and asks each lead's search text
-- whether it holds the words. Through lead_search keyed by lead id, each lead read cost two lookups
-- (the lead row for its status, then its search text) and a LIKE under utf8mb4_unicode_ci, some
-- 9 µs a lead at a million leads. Now lead_search is stored in date order and carries a copy of
-- what the inbox filters on (status, assignee, codes), so a walk reads one range of one table; and
-- its text is folded once when written (lower case, accents taken off, "œ" as "oe"), so a
-- binary comparison does what the collation did: about 1 µs a lead.
--
-- The app folds in Java (LeadSearchText, FullText.fold) both the text it writes and the words it
-- searches; search_fold does the same in SQL for the rows already here and for bulk loads, and a
-- test holds the two to the same answers for every accented Latin letter (Latin-1, Extended-A and -B,
-- Extended Additional: French, Romanian, Yoruba, Vietnamese and the like); an accent of another
-- script in a text written before this version stays, where the app would have taken it off. (The
-- 520 collation's LOWER knows capitals that unicode_ci's does not, such as "ẞ"; the first replacement
-- takes off accents typed as separate marks.)
CREATE FUNCTION search_fold(t MEDIUMTEXT CHARACTER SET utf8mb4) RETURNS MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
    DETERMINISTIC
    RETURN REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(
        REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(
        REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(
        REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(
        REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(
        LOWER(t COLLATE utf8mb4_unicode_520_ci) COLLATE utf8mb4_bin, '[\\x{0300}-\\x{036F}]', ''),
        '[àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ]', 'a'), '[æǣǽ]', 'ae'), '[ḃḅḇ]', 'b'), '[çćĉċčḉ]', 'c'), '[ďđḋḍḏḑḓ]', 'd'),
        '[èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ]', 'e'), 'ḟ', 'f'), '[ĝğġģǧǵḡ]', 'g'), '[ĥħȟḣḥḧḩḫẖ]', 'h'),
        '[ìíîïĩīĭįıǐȉȋḭḯỉị]', 'i'), '[ĵǰ]', 'j'), '[ķǩḱḳḵ]', 'k'), '[ĺļľŀłḷḹḻḽ]', 'l'), '[ḿṁṃ]', 'm'),
        '[ñńņňŉǹṅṇṉṋ]', 'n'), '[òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ]', 'o'), 'œ', 'oe'), '[ṕṗ]', 'p'),
        '[ŕŗřȑȓṙṛṝṟ]', 'r'), '[śŝşšșṡṣṥṧṩ]', 's'), 'ß', 'ss'), '[ţťŧțṫṭṯṱẗ]', 't'),
        '[ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự]', 'u'), '[ṽṿ]', 'v'), '[ŵẁẃẅẇẉẘ]', 'w'), '[ẋẍ]', 'x'),
        '[ýÿŷȳẏẙỳỵỷỹ]', 'y'), '[źżžẑẓẕ]', 'z'), 'ẛ', 'ſ'), 'ǯ', 'ʒ');

-- The old table steps aside first, so that the triggers below can name the new one as it will stay.
RENAME TABLE lead_search TO lead_search_by_id;

-- The rows are made by a trigger on lead, and writers of the text copy the lead's columns again as they
-- write it (LeadSearchText). No BEFORE INSERT trigger on this table fills them: MariaDB 11.4.5 then
-- refuses INSERT ... SELECT into it ("Column cannot be null"). Stop the instances of the previous
-- version before this migration runs: the table is swapped, and a text an old instance wrote
-- afterwards (unfolded) would leave its lead out of the search until the text is next written.
CREATE TABLE lead_search (
    submitted_at  DATETIME(6)  NOT NULL DEFAULT '2000-01-01 00:00:00',
    lead_id       BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL DEFAULT '',
    assignee      VARCHAR(120) NULL,
    country_codes VARCHAR(40)  CHARACTER SET ascii NOT NULL DEFAULT '',
    sector_codes  VARCHAR(160) CHARACTER SET ascii NOT NULL DEFAULT '',
    service_codes VARCHAR(160) CHARACTER SET ascii NOT NULL DEFAULT '',
    body          MEDIUMTEXT   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (submitted_at, lead_id),
    UNIQUE KEY uk_lead_search_lead (lead_id),
    CONSTRAINT fk_lead_search_of_lead FOREIGN KEY (lead_id) REFERENCES lead (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every new lead gets its row at once (its text follows from LeadSearchText in the same transaction), so
-- that the trigger below always finds the row it updates. Updating a row that is not there yet would
-- lock the gap at the index's end, where every concurrent request inserts its own row: deadlocks under
-- load (the fault suite's concurrent intake found them).
CREATE TRIGGER lead_search_row AFTER INSERT ON lead FOR EACH ROW
    INSERT INTO lead_search (submitted_at, lead_id, status, assignee, country_codes, sector_codes, service_codes, body)
    VALUES (NEW.submitted_at, NEW.id, NEW.status, NEW.assignee, NEW.country_codes, NEW.sector_codes, NEW.service_codes, ' ');

-- The copies follow the lead: a status change, an assignment, a code added or removed (the code
-- triggers of V31 update the lead row, which lands here).
CREATE TRIGGER lead_search_copies_update AFTER UPDATE ON lead FOR EACH ROW
BEGIN
    IF NOT (NEW.status <=> OLD.status AND NEW.assignee <=> OLD.assignee AND NEW.submitted_at <=> OLD.submitted_at
            AND NEW.country_codes <=> OLD.country_codes AND NEW.sector_codes <=> OLD.sector_codes
            AND NEW.service_codes <=> OLD.service_codes) THEN
        UPDATE lead_search SET submitted_at = NEW.submitted_at, status = NEW.status, assignee = NEW.assignee,
            country_codes = NEW.country_codes, sector_codes = NEW.sector_codes, service_codes = NEW.service_codes
        WHERE lead_id = NEW.id;
    END IF;
END;

-- A row already there was written meanwhile: its text is the newer one.
INSERT INTO lead_search (submitted_at, lead_id, status, assignee, country_codes, sector_codes, service_codes, body)
SELECT l.submitted_at, l.id, l.status, l.assignee, l.country_codes, l.sector_codes, l.service_codes, search_fold(s.body)
FROM lead_search_by_id s JOIN lead l ON l.id = s.lead_id
ON DUPLICATE KEY UPDATE body = search_fold(lead_search.body), submitted_at = VALUES(submitted_at), status = VALUES(status),
    assignee = VALUES(assignee), country_codes = VALUES(country_codes), sector_codes = VALUES(sector_codes),
    service_codes = VALUES(service_codes);
DROP TABLE lead_search_by_id;

-- Every word is searchable: no stop words ("the", "de", "com" and the like would otherwise be skipped).
SET SESSION innodb_ft_enable_stopword = OFF;
CREATE FULLTEXT INDEX ft_lead_search ON lead_search (body);
