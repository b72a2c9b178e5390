-- Demo data for dev runs and tests only (never on the production Flyway path).
-- demo-client's Keycloak id is fixed in realm-config/dev-overlay.json.
INSERT IGNORE INTO client_organisation (id, name, language, created_at, version)
VALUES (1, 'Sahel Gold Resources', 'en', UTC_TIMESTAMP(6), 0);

INSERT IGNORE INTO client_organisation_sector (organisation_id, sector_code) VALUES
    (1, 'mining'), (1, 'energy');

INSERT IGNORE INTO client_organisation_country (organisation_id, country_code) VALUES
    (1, 'ML'), (1, 'BF');

INSERT IGNORE INTO client_user (organisation_id, subject, email, created_at)
VALUES (1, '0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c11', 'demo-client@sahel-gold.test', UTC_TIMESTAMP(6));
