-- Reference data: stable codes with English and French labels.
CREATE TABLE country (
    code       VARCHAR(2)  NOT NULL,
    label_en   VARCHAR(80) NOT NULL,
    label_fr   VARCHAR(80) NOT NULL,
    sort_order INT         NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sector (
    code       VARCHAR(32)  NOT NULL,
    label_en   VARCHAR(120) NOT NULL,
    label_fr   VARCHAR(120) NOT NULL,
    sort_order INT          NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE advisory_service (
    code       VARCHAR(32)  NOT NULL,
    label_en   VARCHAR(120) NOT NULL,
    label_fr   VARCHAR(120) NOT NULL,
    sort_order INT          NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO country (code, label_en, label_fr, sort_order) VALUES
    ('BF', 'Burkina Faso', 'Burkina Faso', 1),
    ('ML', 'Mali', 'Mali', 2),
    ('NE', 'Niger', 'Niger', 3);

INSERT INTO sector (code, label_en, label_fr, sort_order) VALUES
    ('mining', 'Mining', 'Mines', 1),
    ('construction', 'Construction and infrastructure', 'Construction et infrastructures', 2),
    ('energy', 'Energy', 'Énergie', 3),
    ('finance', 'Finance (banking, insurance, investment funds)', 'Finance (banque, assurance, fonds d''investissement)', 4),
    ('logistics', 'Logistics and transport', 'Logistique et transport', 5),
    ('telecoms', 'Telecommunications', 'Télécommunications', 6),
    ('agriculture', 'Agriculture and agribusiness', 'Agriculture et agro-industrie', 7),
    ('humanitarian', 'Humanitarian and development', 'Humanitaire et développement', 8);

INSERT INTO advisory_service (code, label_en, label_fr, sort_order) VALUES
    ('risk-assessment', 'Risk assessment', 'Évaluation des risques', 1),
    ('briefing-subscription', 'Briefing subscription', 'Abonnement aux notes d''analyse', 2),
    ('travel-security', 'Travel security', 'Sécurité des déplacements', 3),
    ('due-diligence', 'Due diligence', 'Due diligence', 4),
    ('site-security-audit', 'Site security audit', 'Audit de sûreté de site', 5),
    ('crisis-planning', 'Crisis planning', 'Planification de crise', 6),
    ('training', 'Training', 'Formation', 7);

-- Append-only record of who did what, when (UTC). The triggers make it append-only in the
-- database itself, whatever code runs against it.
CREATE TABLE audit_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(120)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target_type VARCHAR(40)   NULL,
    target_id   VARCHAR(64)   NULL,
    details     VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    INDEX idx_audit_event_occurred (occurred_at),
    INDEX idx_audit_event_target (target_type, target_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
