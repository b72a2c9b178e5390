-- Sign-outs every instance must honour at once: sessions are stateless (an encrypted cookie), so a
-- copied cookie would otherwise work until its ID token expires. A row names either one Keycloak
-- session (sid: a sign-out, Keycloak's back-channel logout) or a person, all of whose tokens issued
-- before revoked_at are refused (suspended, removed, staff access withdrawn). Each instance reads
-- the rows of the last seconds every second; rows older than the longest session are deleted.
CREATE TABLE revoked_session (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    session_id  VARCHAR(100)  NULL,
    subject     VARCHAR(100)  NULL,
    revoked_at  DATETIME(6)   NOT NULL,
    reason      VARCHAR(40)   NOT NULL,
    PRIMARY KEY (id),
    INDEX idx_revoked_session_at (revoked_at),
    CONSTRAINT ck_revoked_session_target CHECK (session_id IS NOT NULL OR subject IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
