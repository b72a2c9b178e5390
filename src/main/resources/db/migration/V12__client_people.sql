-- Client organisations get a status, and their people a life cycle. A person is a row from the
-- moment a consultant invites them: the Keycloak work (create or link the account, send the
-- set-password mail, disable, end sessions) is recorded as due here first and done after the
-- commit, by the request or by the clustered "client-accounts" job, so that nothing is half done
-- when Keycloak is unreachable. The subject (Keycloak user id) is known once the account exists;
-- only an active person with a subject in an active organisation may read the portal.
ALTER TABLE client_organisation
    ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'active';

ALTER TABLE client_user
    MODIFY subject VARCHAR(64) NULL,
    ADD COLUMN first_name      VARCHAR(100) NOT NULL DEFAULT '',
    ADD COLUMN last_name       VARCHAR(100) NOT NULL DEFAULT '',
    ADD COLUMN language        VARCHAR(2)   NOT NULL DEFAULT 'en',
    ADD COLUMN status          VARCHAR(16)  NOT NULL DEFAULT 'active',
    ADD COLUMN invited_by      VARCHAR(120) NULL,
    -- Keycloak work still to do for this person, and when it may next be tried (a claim while running).
    ADD COLUMN sync_due_at     DATETIME(6)  NULL,
    ADD COLUMN sync_attempts   INT          NOT NULL DEFAULT 0,
    ADD COLUMN sync_problem    VARCHAR(32)  NULL,
    ADD COLUMN last_sign_in_at DATETIME(6)  NULL,
    ADD COLUMN version         BIGINT       NOT NULL DEFAULT 0,
    ADD UNIQUE KEY uk_client_user_email (email),
    ADD INDEX idx_client_user_sync (sync_due_at);
