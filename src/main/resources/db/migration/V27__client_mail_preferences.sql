-- What each client's person wants to hear about by mail (portal settings), and the claims that make
-- each digest and each new-version alert go out once per person, whatever the number of schedulers.
ALTER TABLE client_user
    ADD COLUMN digest         VARCHAR(8) NOT NULL DEFAULT 'weekly',
    ADD COLUMN version_alerts BOOLEAN    NOT NULL DEFAULT TRUE,
    ADD CONSTRAINT ck_client_user_digest CHECK (digest IN ('off', 'weekly', 'daily'));

-- Of the organisation's countries and sectors, those the person chose not to hear about; none by
-- default, so a country or sector the organisation takes up later reaches everyone.
CREATE TABLE client_user_muted_country (
    client_user_id BIGINT     NOT NULL,
    country_code   VARCHAR(2) NOT NULL,
    PRIMARY KEY (client_user_id, country_code),
    CONSTRAINT fk_muted_country_user FOREIGN KEY (client_user_id) REFERENCES client_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_muted_country_country FOREIGN KEY (country_code) REFERENCES country (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE client_user_muted_sector (
    client_user_id BIGINT      NOT NULL,
    sector_code    VARCHAR(32) NOT NULL,
    PRIMARY KEY (client_user_id, sector_code),
    CONSTRAINT fk_muted_sector_user FOREIGN KEY (client_user_id) REFERENCES client_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_muted_sector_sector FOREIGN KEY (sector_code) REFERENCES sector (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per person and period ('2026-12-01' for a day, '2026-W49' for a week), written in the
-- transaction that queues the mail (or finds nothing to say); covered_until is where the next
-- digest starts.
CREATE TABLE client_digest (
    client_user_id BIGINT      NOT NULL,
    period         VARCHAR(10) NOT NULL,
    covered_from   DATETIME(6) NOT NULL,
    covered_until  DATETIME(6) NOT NULL,
    briefings      INT         NOT NULL,
    PRIMARY KEY (client_user_id, period),
    KEY ix_client_digest_until (client_user_id, covered_until),
    CONSTRAINT fk_client_digest_user FOREIGN KEY (client_user_id) REFERENCES client_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per person and new version of a briefing they had read, written with the alert's mail.
CREATE TABLE briefing_alert (
    client_user_id BIGINT      NOT NULL,
    briefing_id    BIGINT      NOT NULL,
    version_number INT         NOT NULL,
    sent_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (client_user_id, briefing_id, version_number),
    CONSTRAINT fk_briefing_alert_user FOREIGN KEY (client_user_id) REFERENCES client_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
