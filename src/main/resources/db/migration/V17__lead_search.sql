-- What the inbox's text search reads: a lead's name, email, organisation, job title, needs and
-- notes, as words separated by single spaces (punctuation removed), one row per lead, kept by
-- LeadSearch whenever one of them changes. Both ways the inbox searches use it: the FULLTEXT
-- index for rare words, and " word" LIKE probes along the inbox's ordered indexes for common ones.
-- The collation makes both case- and accent-insensitive.
CREATE TABLE lead_search (
    lead_id BIGINT     NOT NULL,
    body    MEDIUMTEXT NOT NULL,
    PRIMARY KEY (lead_id),
    CONSTRAINT fk_lead_search_lead FOREIGN KEY (lead_id) REFERENCES lead (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

SET SESSION group_concat_max_len = 16777216;
INSERT INTO lead_search (lead_id, body)
SELECT l.id, CONCAT(' ', TRIM(REGEXP_REPLACE(CONCAT_WS(' ', l.name, l.email, l.organisation, l.job_title, l.needs,
        (SELECT GROUP_CONCAT(e.remark SEPARATOR ' ') FROM lead_event e WHERE e.lead_id = l.id AND e.kind = 'note')),
        '[^[:alnum:]]+', ' ')), ' ')
FROM lead l;

-- Every word is searchable: no stop words ("the", "de", "com" and the like would otherwise be skipped).
SET SESSION innodb_ft_enable_stopword = OFF;
CREATE FULLTEXT INDEX ft_lead_search ON lead_search (body);
DROP INDEX ft_lead_text ON lead;
