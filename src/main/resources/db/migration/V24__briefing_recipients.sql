-- TLP:RED means named recipients only: a TLP:RED briefing is readable by the client people its
-- author names (from the organisations it matches), and by nobody else.
CREATE TABLE briefing_recipient (
    briefing_id    BIGINT       NOT NULL,
    client_user_id BIGINT       NOT NULL,
    named_by       VARCHAR(120) NOT NULL,
    named_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (briefing_id, client_user_id),
    INDEX idx_briefing_recipient_person (client_user_id),
    CONSTRAINT fk_briefing_recipient_briefing FOREIGN KEY (briefing_id) REFERENCES briefing (id) ON DELETE CASCADE,
    CONSTRAINT fk_briefing_recipient_person FOREIGN KEY (client_user_id) REFERENCES client_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
