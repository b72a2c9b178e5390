-- The PDF of a sent proposal version, rendered once at its first download and kept, so that every
-- later download is the same bytes (PDF writers stamp times and random ids into each rendering).
CREATE TABLE proposal_pdf (
    version_id  BIGINT      NOT NULL,
    rendered_at DATETIME(6) NOT NULL,
    content     LONGBLOB    NOT NULL,
    PRIMARY KEY (version_id),
    CONSTRAINT fk_proposal_pdf_version FOREIGN KEY (version_id) REFERENCES proposal_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
