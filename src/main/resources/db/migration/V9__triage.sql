-- Triage: who handles a lead, what the consultants decided, the fit score, the corrected tags,
-- the timeline, merges, conversion, and the indexes the inbox's queries need at a million leads.
ALTER TABLE lead
    ADD COLUMN assignee               VARCHAR(120) NULL,
    ADD COLUMN status_reason          VARCHAR(500) NULL,
    ADD COLUMN first_response_at      DATETIME(6)  NULL,
    ADD COLUMN fit_score              INT          NULL,
    ADD COLUMN tags_reviewed_by       VARCHAR(120) NULL,
    ADD COLUMN tags_reviewed_at       DATETIME(6)  NULL,
    ADD COLUMN merged_into            BIGINT       NULL,
    ADD COLUMN client_organisation_id BIGINT       NULL,
    ADD COLUMN email_domain           VARCHAR(254) AS (SUBSTRING_INDEX(email, '@', -1)) STORED,
    ADD CONSTRAINT fk_lead_merged_into FOREIGN KEY (merged_into) REFERENCES lead (id),
    ADD CONSTRAINT fk_lead_client_organisation FOREIGN KEY (client_organisation_id) REFERENCES client_organisation (id);

-- Every inbox query is "some status (or all), newest or best first, a page after a key"; filters
-- on country, sector and service probe the join tables' primary keys row by row.
CREATE INDEX idx_lead_submitted ON lead (submitted_at);
CREATE INDEX idx_lead_status_fit ON lead (status, fit_score);
CREATE INDEX idx_lead_assignee ON lead (assignee, status, submitted_at);
CREATE INDEX idx_lead_merged_into ON lead (merged_into);
CREATE INDEX idx_lead_email_domain ON lead (email_domain);
CREATE FULLTEXT INDEX ft_lead_text ON lead (name, organisation, email, needs);

-- The sectors and countries a consultant settled on, replacing declared plus inferred once set.
CREATE TABLE lead_reviewed_sector (
    lead_id     BIGINT      NOT NULL,
    sector_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (lead_id, sector_code),
    CONSTRAINT fk_lead_reviewed_sector_lead FOREIGN KEY (lead_id) REFERENCES lead (id),
    CONSTRAINT fk_lead_reviewed_sector_sector FOREIGN KEY (sector_code) REFERENCES sector (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_reviewed_country (
    lead_id      BIGINT     NOT NULL,
    country_code VARCHAR(2) NOT NULL,
    PRIMARY KEY (lead_id, country_code),
    CONSTRAINT fk_lead_reviewed_country_lead FOREIGN KEY (lead_id) REFERENCES lead (id),
    CONSTRAINT fk_lead_reviewed_country_country FOREIGN KEY (country_code) REFERENCES country (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What happened to a lead, in order: status changes, assignments, corrections, notes, merges.
-- The submission and the emails come from the lead's own columns.
CREATE TABLE lead_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    lead_id     BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(120)  NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    detail      VARCHAR(4000) NULL,
    PRIMARY KEY (id),
    INDEX idx_lead_event_lead (lead_id, occurred_at),
    CONSTRAINT fk_lead_event_lead FOREIGN KEY (lead_id) REFERENCES lead (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Consultants who have used the console: whom a lead can be assigned to, and where to write.
CREATE TABLE consultant (
    username     VARCHAR(120) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    email        VARCHAR(254) NULL,
    last_seen_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Leads per status, kept by the database itself so the inbox never counts a million rows. Each
-- status is spread over 16 rows (by lead id) so that concurrent submissions rarely wait on one.
CREATE TABLE lead_status_count (
    status VARCHAR(16) NOT NULL,
    shard  TINYINT     NOT NULL,
    n      BIGINT      NOT NULL,
    PRIMARY KEY (status, shard)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO lead_status_count (status, shard, n)
SELECT status, id % 16, COUNT(*) FROM lead GROUP BY status, id % 16;

CREATE TRIGGER lead_count_insert AFTER INSERT ON lead FOR EACH ROW
BEGIN
    INSERT INTO lead_status_count (status, shard, n) VALUES (NEW.status, NEW.id % 16, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
END;

CREATE TRIGGER lead_count_update AFTER UPDATE ON lead FOR EACH ROW
BEGIN
    IF NEW.status <> OLD.status THEN
        UPDATE lead_status_count SET n = n - 1 WHERE status = OLD.status AND shard = OLD.id % 16;
        INSERT INTO lead_status_count (status, shard, n) VALUES (NEW.status, NEW.id % 16, 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
    END IF;
END;

CREATE TRIGGER lead_count_delete AFTER DELETE ON lead FOR EACH ROW
BEGIN
    UPDATE lead_status_count SET n = n - 1 WHERE status = OLD.status AND shard = OLD.id % 16;
END;
