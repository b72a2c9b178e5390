-- Spam reasons and timeline details become codes with parameters, rendered in the reader's
-- language, instead of English sentences and "status:reason" strings parsed back.

ALTER TABLE lead ADD COLUMN spam_value INT NULL;

UPDATE lead SET spam_value = CAST(REGEXP_SUBSTR(spam_reason, '[0-9]+') AS UNSIGNED)
 WHERE spam_reason LIKE 'form filled in %' OR spam_reason LIKE '% links in the text';

UPDATE lead SET spam_reason = CASE
        WHEN spam_reason LIKE 'honeypot%' THEN 'honeypot'
        WHEN spam_reason LIKE 'form filled in %' THEN 'fast'
        WHEN spam_reason LIKE 'markup%' THEN 'markup'
        WHEN spam_reason LIKE '% links in the text' OR spam_reason = 'links' THEN 'links'
        WHEN spam_reason = 'consultant' THEN 'consultant'
        ELSE 'other' END
 WHERE spam_reason IS NOT NULL;

-- What a person wrote (a note, a disqualification's reason) apart from the step's parameter.
ALTER TABLE lead_event ADD COLUMN remark VARCHAR(4000) NULL;

UPDATE lead_event SET remark = detail, detail = NULL WHERE kind = 'note';

UPDATE lead_event SET remark = SUBSTRING(detail, LOCATE(':', detail) + 1),
                      detail = SUBSTRING(detail, 1, LOCATE(':', detail) - 1)
 WHERE kind = 'status' AND LOCATE(':', detail) > 0;
