-- A consultant's named inbox filters ("my Mali mining leads"): the inbox's own query string, as
-- the app writes it from a parsed filter, under a name unique per consultant.
CREATE TABLE saved_view (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    owner      VARCHAR(120)  NOT NULL,
    name       VARCHAR(60)   NOT NULL,
    query      VARCHAR(1000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_saved_view_owner_name (owner, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
