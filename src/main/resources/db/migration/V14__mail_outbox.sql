-- Mail that a state change owes someone (a proposal sent, accepted, about to expire), written in
-- the same transaction as the change, so that the change and its mail commit together or not at
-- all; the sender claims each row before sending it, so two instances never send it twice.
CREATE TABLE mail_outbox (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    recipient     VARCHAR(254)  NOT NULL,
    subject       VARCHAR(300)  NOT NULL,
    body          TEXT          NOT NULL,
    -- What the mail is about, for tests and the audit: "proposal:12:sent".
    topic         VARCHAR(100)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    claimed_until DATETIME(6)   NULL,
    sent_at       DATETIME(6)   NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX idx_mail_outbox_pending (sent_at, claimed_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
