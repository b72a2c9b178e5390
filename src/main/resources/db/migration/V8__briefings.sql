-- Country briefings. A briefing is a series of versions: at most one draft being edited, and the
-- published version clients read. A published version never changes again (the triggers refuse
-- it); editing a published briefing starts version n+1 as a draft.
CREATE TABLE briefing (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    status            VARCHAR(16)  NOT NULL,
    published_version INT          NULL,
    draft_version     INT          NULL,
    created_at        DATETIME(6)  NOT NULL,
    created_by        VARCHAR(100) NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX idx_briefing_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE briefing_version (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    briefing_id      BIGINT        NOT NULL,
    number           INT           NOT NULL,
    title_en         VARCHAR(200)  NULL,
    title_fr         VARCHAR(200)  NULL,
    summary_en       VARCHAR(1000) NULL,
    summary_fr       VARCHAR(1000) NULL,
    body_en          MEDIUMTEXT    NULL,
    body_fr          MEDIUMTEXT    NULL,
    en_updated_at    DATETIME(6)   NULL,
    fr_updated_at    DATETIME(6)   NULL,
    all_sectors      BOOLEAN       NOT NULL,
    security_risk    INT           NOT NULL,
    political_risk   INT           NOT NULL,
    operational_risk INT           NOT NULL,
    sources          TEXT          NULL,
    review_date      DATE          NULL,
    tlp              VARCHAR(8)    NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    published_at     DATETIME(6)   NULL,
    published_by     VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_briefing_version_number (briefing_id, number),
    CONSTRAINT fk_briefing_version_briefing FOREIGN KEY (briefing_id) REFERENCES briefing (id),
    CONSTRAINT ck_briefing_version_risks CHECK (security_risk BETWEEN 1 AND 5 AND political_risk BETWEEN 1 AND 5
        AND operational_risk BETWEEN 1 AND 5),
    CONSTRAINT ck_briefing_version_tlp CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'RED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE briefing_version_country (
    version_id   BIGINT     NOT NULL,
    country_code VARCHAR(2) NOT NULL,
    PRIMARY KEY (version_id, country_code),
    CONSTRAINT fk_bv_country_version FOREIGN KEY (version_id) REFERENCES briefing_version (id),
    CONSTRAINT fk_bv_country_country FOREIGN KEY (country_code) REFERENCES country (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE briefing_version_sector (
    version_id  BIGINT      NOT NULL,
    sector_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (version_id, sector_code),
    CONSTRAINT fk_bv_sector_version FOREIGN KEY (version_id) REFERENCES briefing_version (id),
    CONSTRAINT fk_bv_sector_sector FOREIGN KEY (sector_code) REFERENCES sector (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who read which version: one row per reader and version, with the first and last time.
CREATE TABLE briefing_read (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    briefing_id     BIGINT       NOT NULL,
    version_number  INT          NOT NULL,
    organisation_id BIGINT       NOT NULL,
    subject         VARCHAR(64)  NOT NULL,
    username        VARCHAR(100) NOT NULL,
    first_read_at   DATETIME(6)  NOT NULL,
    last_read_at    DATETIME(6)  NOT NULL,
    read_count      INT          NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    UNIQUE KEY uk_briefing_read (briefing_id, version_number, subject),
    CONSTRAINT fk_briefing_read_briefing FOREIGN KEY (briefing_id) REFERENCES briefing (id),
    CONSTRAINT fk_briefing_read_org FOREIGN KEY (organisation_id) REFERENCES client_organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER briefing_version_published_no_update BEFORE UPDATE ON briefing_version FOR EACH ROW
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A published briefing version cannot change';
    END IF;
END;

CREATE TRIGGER briefing_version_published_no_delete BEFORE DELETE ON briefing_version FOR EACH ROW
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A published briefing version cannot be deleted';
    END IF;
END;

CREATE TRIGGER briefing_version_country_frozen_insert BEFORE INSERT ON briefing_version_country FOR EACH ROW
BEGIN
    IF (SELECT published_at FROM briefing_version WHERE id = NEW.version_id) IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A published briefing version cannot change';
    END IF;
END;

CREATE TRIGGER briefing_version_country_frozen_delete BEFORE DELETE ON briefing_version_country FOR EACH ROW
BEGIN
    IF (SELECT published_at FROM briefing_version WHERE id = OLD.version_id) IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A published briefing version cannot change';
    END IF;
END;

CREATE TRIGGER briefing_version_sector_frozen_insert BEFORE INSERT ON briefing_version_sector FOR EACH ROW
BEGIN
    IF (SELECT published_at FROM briefing_version WHERE id = NEW.version_id) IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A published briefing version cannot change';
    END IF;
END;

CREATE TRIGGER briefing_version_sector_frozen_delete BEFORE DELETE ON briefing_version_sector FOR EACH ROW
BEGIN
    IF (SELECT published_at FROM briefing_version WHERE id = OLD.version_id) IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A published briefing version cannot change';
    END IF;
END;
