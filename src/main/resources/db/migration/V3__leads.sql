-- Requests for interest: one row per submission, never rejected as a duplicate.
CREATE TABLE lead (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    reference          VARCHAR(20)   NULL,
    form_token         VARCHAR(64)   NULL,
    status             VARCHAR(16)   NOT NULL,
    spam_reason        VARCHAR(200)  NULL,
    source             VARCHAR(8)    NOT NULL,
    name               VARCHAR(120)  NOT NULL,
    email              VARCHAR(254)  NOT NULL,
    organisation       VARCHAR(200)  NOT NULL,
    job_title          VARCHAR(120)  NOT NULL,
    phone              VARCHAR(40)   NULL,
    timeframe          VARCHAR(16)   NOT NULL,
    needs              TEXT          NOT NULL,
    language           VARCHAR(2)    NOT NULL,
    consent_version    VARCHAR(16)   NOT NULL,
    consent_language   VARCHAR(2)    NOT NULL,
    consent_at         DATETIME(6)   NOT NULL,
    marketing_opt_in   BOOLEAN       NOT NULL,
    submitted_at       DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lead_reference (reference),
    UNIQUE KEY uk_lead_form_token (form_token),
    INDEX idx_lead_status_submitted (status, submitted_at),
    INDEX idx_lead_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_sector (
    lead_id     BIGINT      NOT NULL,
    sector_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (lead_id, sector_code),
    CONSTRAINT fk_lead_sector_lead FOREIGN KEY (lead_id) REFERENCES lead (id),
    CONSTRAINT fk_lead_sector_sector FOREIGN KEY (sector_code) REFERENCES sector (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_country (
    lead_id      BIGINT     NOT NULL,
    country_code VARCHAR(2) NOT NULL,
    PRIMARY KEY (lead_id, country_code),
    CONSTRAINT fk_lead_country_lead FOREIGN KEY (lead_id) REFERENCES lead (id),
    CONSTRAINT fk_lead_country_country FOREIGN KEY (country_code) REFERENCES country (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lead_service (
    lead_id      BIGINT      NOT NULL,
    service_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (lead_id, service_code),
    CONSTRAINT fk_lead_service_lead FOREIGN KEY (lead_id) REFERENCES lead (id),
    CONSTRAINT fk_lead_service_service FOREIGN KEY (service_code) REFERENCES advisory_service (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
