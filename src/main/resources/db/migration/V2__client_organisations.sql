-- A client organisation and the Keycloak users who belong to it (by their stable subject id).
CREATE TABLE client_organisation (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(200) NOT NULL,
    language   VARCHAR(2)   NOT NULL DEFAULT 'en',
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE client_organisation_sector (
    organisation_id BIGINT      NOT NULL,
    sector_code     VARCHAR(32) NOT NULL,
    PRIMARY KEY (organisation_id, sector_code),
    CONSTRAINT fk_org_sector_org FOREIGN KEY (organisation_id) REFERENCES client_organisation (id),
    CONSTRAINT fk_org_sector_sector FOREIGN KEY (sector_code) REFERENCES sector (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE client_organisation_country (
    organisation_id BIGINT     NOT NULL,
    country_code    VARCHAR(2) NOT NULL,
    PRIMARY KEY (organisation_id, country_code),
    CONSTRAINT fk_org_country_org FOREIGN KEY (organisation_id) REFERENCES client_organisation (id),
    CONSTRAINT fk_org_country_country FOREIGN KEY (country_code) REFERENCES country (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE client_user (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id BIGINT       NOT NULL,
    subject         VARCHAR(64)  NOT NULL,
    email           VARCHAR(254) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_client_user_subject (subject),
    CONSTRAINT fk_client_user_org FOREIGN KEY (organisation_id) REFERENCES client_organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
