-- Proposals: one per engagement offered, made of versions. A version is written, reviewed (four
-- eyes), approved and sent; sending freezes it (the triggers below refuse any change to its
-- content or its lines, whatever code runs) and records a SHA-256 of its canonical form. A
-- revision is the next version; sending it supersedes the one the client had.
CREATE TABLE proposal (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    reference       VARCHAR(20)  NULL,
    lead_id         BIGINT       NULL,
    organisation_id BIGINT       NULL,
    author          VARCHAR(100) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    -- The latest version's number and state (what lists show), and the version the client may answer.
    latest_number   INT          NOT NULL DEFAULT 1,
    state           VARCHAR(16)  NOT NULL,
    live_number     INT          NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_proposal_reference (reference),
    INDEX idx_proposal_state (state, id),
    INDEX idx_proposal_lead (lead_id),
    INDEX idx_proposal_organisation (organisation_id),
    CONSTRAINT fk_proposal_lead FOREIGN KEY (lead_id) REFERENCES lead (id),
    CONSTRAINT fk_proposal_org FOREIGN KEY (organisation_id) REFERENCES client_organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE proposal_version (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    proposal_id      BIGINT        NOT NULL,
    number           INT           NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    -- Who wrote this version: never its approver.
    written_by       VARCHAR(100)  NOT NULL,
    language         VARCHAR(2)    NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    summary          TEXT          NOT NULL,
    currency         VARCHAR(3)    NOT NULL,
    discount_percent DECIMAL(5, 2) NULL,
    vat_percent      DECIMAL(5, 2) NULL,
    payment_terms    VARCHAR(2000) NOT NULL,
    start_date       DATE          NULL,
    valid_until      DATE          NOT NULL,
    total            DECIMAL(18, 2) NOT NULL,
    review_comment   VARCHAR(2000) NULL,
    content_hash     VARCHAR(64)   NULL,
    sent_at          DATETIME(6)   NULL,
    sent_by          VARCHAR(100)  NULL,
    reminded_at      DATETIME(6)   NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_proposal_version (proposal_id, number),
    INDEX idx_proposal_version_open (state, valid_until),
    CONSTRAINT fk_proposal_version_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE proposal_line (
    version_id   BIGINT         NOT NULL,
    position     INT            NOT NULL,
    service_code VARCHAR(32)    NOT NULL,
    -- Space-separated reference codes ("BF ML"); empty means every country / every sector.
    countries    VARCHAR(40)    NOT NULL,
    sectors      VARCHAR(200)   NOT NULL,
    deliverable  VARCHAR(2000)  NOT NULL,
    quantity     DECIMAL(12, 2) NOT NULL,
    unit         VARCHAR(16)    NOT NULL,
    unit_price   DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (version_id, position),
    CONSTRAINT fk_proposal_line_version FOREIGN KEY (version_id) REFERENCES proposal_version (id),
    CONSTRAINT fk_proposal_line_service FOREIGN KEY (service_code) REFERENCES advisory_service (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- At most one acceptance per proposal: the primary key makes a second one impossible.
CREATE TABLE proposal_acceptance (
    proposal_id     BIGINT       NOT NULL,
    version_number  INT          NOT NULL,
    content_hash    VARCHAR(64)  NOT NULL,
    subject         VARCHAR(64)  NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    organisation_id BIGINT       NOT NULL,
    accepted_at     DATETIME(6)  NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (proposal_id),
    CONSTRAINT fk_proposal_acceptance_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE proposal_event (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    proposal_id    BIGINT        NOT NULL,
    version_number INT           NOT NULL,
    occurred_at    DATETIME(6)   NOT NULL,
    actor          VARCHAR(120)  NOT NULL,
    kind           VARCHAR(24)   NOT NULL,
    remark         VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    INDEX idx_proposal_event (proposal_id, id),
    CONSTRAINT fk_proposal_event_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER proposal_version_sent_no_update BEFORE UPDATE ON proposal_version FOR EACH ROW
BEGIN
    IF OLD.sent_at IS NOT NULL AND (NOT (OLD.language <=> NEW.language) OR NOT (OLD.title <=> NEW.title)
            OR NOT (OLD.summary <=> NEW.summary) OR NOT (OLD.currency <=> NEW.currency)
            OR NOT (OLD.discount_percent <=> NEW.discount_percent) OR NOT (OLD.vat_percent <=> NEW.vat_percent)
            OR NOT (OLD.payment_terms <=> NEW.payment_terms) OR NOT (OLD.start_date <=> NEW.start_date)
            OR NOT (OLD.valid_until <=> NEW.valid_until) OR NOT (OLD.total <=> NEW.total)
            OR NOT (OLD.content_hash <=> NEW.content_hash) OR NOT (OLD.sent_at <=> NEW.sent_at)
            OR NOT (OLD.number <=> NEW.number) OR NOT (OLD.proposal_id <=> NEW.proposal_id)) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A sent proposal version cannot change';
    END IF;
END;

CREATE TRIGGER proposal_version_sent_no_delete BEFORE DELETE ON proposal_version FOR EACH ROW
BEGIN
    IF OLD.sent_at IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A sent proposal version cannot be deleted';
    END IF;
END;

CREATE TRIGGER proposal_line_sent_no_insert BEFORE INSERT ON proposal_line FOR EACH ROW
BEGIN
    IF (SELECT sent_at FROM proposal_version WHERE id = NEW.version_id) IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A sent proposal version cannot change';
    END IF;
END;

CREATE TRIGGER proposal_line_sent_no_update BEFORE UPDATE ON proposal_line FOR EACH ROW
BEGIN
    IF (SELECT sent_at FROM proposal_version WHERE id = OLD.version_id) IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A sent proposal version cannot change';
    END IF;
END;

CREATE TRIGGER proposal_line_sent_no_delete BEFORE DELETE ON proposal_line FOR EACH ROW
BEGIN
    IF (SELECT sent_at FROM proposal_version WHERE id = OLD.version_id) IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A sent proposal version cannot change';
    END IF;
END;

CREATE TRIGGER proposal_acceptance_no_update BEFORE UPDATE ON proposal_acceptance FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An acceptance cannot change';

CREATE TRIGGER proposal_acceptance_no_delete BEFORE DELETE ON proposal_acceptance FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An acceptance cannot change';
