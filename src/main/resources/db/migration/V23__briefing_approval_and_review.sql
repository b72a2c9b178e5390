-- Four eyes on what is most sensitive: a draft marked TLP:RED, or rated 5 on any risk, is published
-- only once a lead consultant other than its last editor has approved it; any later edit withdraws
-- the approval. (Published versions are frozen by their triggers, so only drafts get saved_by.)
ALTER TABLE briefing_version ADD COLUMN saved_by VARCHAR(100) NULL;
ALTER TABLE briefing_version ADD COLUMN approved_by VARCHAR(100) NULL;
ALTER TABLE briefing_version ADD COLUMN approved_at DATETIME(6) NULL;
UPDATE briefing_version SET saved_by = created_by WHERE published_at IS NULL;

-- Review dates have teeth: the author of a published version due for review gets one reminder,
-- claimed by this row in the transaction that queues the mail.
CREATE TABLE briefing_review_reminder (
    version_id BIGINT       NOT NULL,
    recipient  VARCHAR(120) NOT NULL,
    sent_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (version_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX idx_briefing_version_review ON briefing_version (review_date);
