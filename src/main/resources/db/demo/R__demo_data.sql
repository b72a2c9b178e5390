-- Demo data for dev runs and tests only (never on the production Flyway path).
-- demo-client's Keycloak id is fixed in realm-config/dev-overlay.json.
INSERT IGNORE INTO client_organisation (id, name, language, created_at, version) VALUES
    (1, 'Sahel Gold Resources', 'en', UTC_TIMESTAMP(6), 0),
    (2, 'Niger Infrastructure Partners', 'fr', UTC_TIMESTAMP(6), 0);

INSERT IGNORE INTO client_organisation_sector (organisation_id, sector_code) VALUES
    (1, 'mining'), (1, 'energy'), (2, 'construction'), (2, 'logistics');

INSERT IGNORE INTO client_organisation_country (organisation_id, country_code) VALUES
    (1, 'ML'), (1, 'BF'), (2, 'NE');

-- Their people; the Keycloak ids are fixed in realm-config/dev-overlay.json (password 'demo'), where each
-- account is in its organisation's group. Kadiatou is suspended (her account disabled); Moussa has never signed in.
INSERT INTO client_user (organisation_id, subject, email, first_name, last_name, language, status, invited_by, created_at,
                         last_sign_in_at) VALUES
    (1, '0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c11', 'demo-client@sahel-gold.test', 'Claire', 'Dubois', 'en', 'active', 'demo-lead',
     UTC_TIMESTAMP(6), NULL),
    (1, '0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c12', 'amadou.diarra@sahel-gold.test', 'Amadou', 'Diarra', 'fr', 'active', 'demo-lead',
     UTC_TIMESTAMP(6), '2026-11-24 09:12:00'),
    (1, '0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c13', 'kadiatou.sidibe@sahel-gold.test', 'Kadiatou', 'Sidibé', 'en', 'suspended',
     'demo-lead', UTC_TIMESTAMP(6), '2026-10-02 15:40:00'),
    (2, '0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c21', 'ibrahim.maiga@niger-infra.test', 'Ibrahim', 'Maïga', 'fr', 'active', 'demo-lead',
     UTC_TIMESTAMP(6), '2026-11-27 07:55:00'),
    (2, '0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c22', 'sarah.whitfield@niger-infra.test', 'Sarah', 'Whitfield', 'en', 'active',
     'demo-lead', UTC_TIMESTAMP(6), '2026-11-20 13:05:00'),
    (2, '0c6f1a52-5d1e-4c34-9b61-6e0d2f3a9c23', 'moussa.hamani@niger-infra.test', 'Moussa', 'Hamani', 'en', 'active', 'demo-lead',
     UTC_TIMESTAMP(6), NULL)
ON DUPLICATE KEY UPDATE first_name = VALUES(first_name), last_name = VALUES(last_name), language = VALUES(language);

-- Consultants a lead can be assigned to (the console also records whoever signs in).
INSERT IGNORE INTO consultant (username, display_name, email, last_seen_at) VALUES
    ('demo-consultant', 'Aminata Ouedraogo', 'demo-consultant@harmattan.test', UTC_TIMESTAMP(6)),
    ('demo-lead', 'Moussa Keita', 'demo-lead@harmattan.test', UTC_TIMESTAMP(6)),
    ('demo-lead2', 'Fatimata Zongo', 'demo-lead2@harmattan.test', UTC_TIMESTAMP(6));

-- A few requests for interest in every state of triage; fit scores are worked out at start-up.
INSERT IGNORE INTO lead (id, reference, status, spam_reason, spam_value, source, name, email, organisation, organisation_key,
                         job_title, phone, timeframe, needs, language, consent_version, consent_language, consent_at,
                         marketing_opt_in, submitted_at, ack_sent_at, triage_notified_at, assignee, status_reason,
                         first_response_at, duplicate_of) VALUES
    (1, 'RFI-2026-00001', 'new', NULL, NULL, 'form', 'Grace Mensah', 'g.mensah@volta-drilling.test', 'Volta Drilling Services',
     'volta drilling services', 'Country manager', '+233 30 000 0000', '3-months',
     'We run exploration drilling crews near Kayes and around Sadiola. We need a risk assessment of the roads between camps and advice on convoy timing.',
     'en', '2026-06', 'en', '2026-11-16 08:12:00', FALSE, '2026-11-16 08:12:00', '2026-11-16 08:12:05', '2026-11-16 08:12:05',
     NULL, NULL, NULL, NULL),
    (2, 'RFI-2026-00002', 'new', NULL, NULL, 'form', 'Issa Traoré', 'issa.traore@gmail.com', 'Faso Solaire', 'faso solaire',
     'Gérant', NULL, 'exploring',
     'Nous envisageons une centrale solaire près de Koudougou et voulons comprendre la situation sécuritaire dans la région.',
     'fr', '2026-06', 'fr', '2026-11-20 17:40:00', TRUE, '2026-11-20 17:40:00', '2026-11-20 17:40:03', '2026-11-20 17:40:03',
     NULL, NULL, NULL, NULL),
    (3, 'RFI-2026-00003', 'new', NULL, NULL, 'api', 'Daniel Okafor', 'd.okafor@sahelbuild.test', 'SahelBuild Contractors',
     'sahelbuild contractors', 'Project director', '+234 1 000 0000', 'now',
     'Bridge and road works on the Niamey to Dosso corridor starting next quarter; we need site security audits and staff training.',
     'en', '2026-06', 'en', '2026-11-21 09:05:00', FALSE, '2026-11-21 09:05:00', '2026-11-21 09:05:02', '2026-11-21 09:05:02',
     'demo-consultant', NULL, '2026-11-21 10:00:00', NULL),
    (4, 'RFI-2026-00004', 'qualified', NULL, NULL, 'form', 'Sophie Laurent', 'sophie.laurent@banque-atlantique-conseil.test',
     'Atlantique Conseil Finance', 'atlantique conseil finance', 'Responsable conformité', '+33 1 00 00 00 00', '6-months',
     'Due diligence sur des partenaires bancaires à Bamako et Ouagadougou avant un investissement.',
     'fr', '2026-06', 'fr', '2026-11-10 14:30:00', FALSE, '2026-11-10 14:30:00', '2026-11-10 14:30:04', '2026-11-10 14:30:04',
     'demo-lead', NULL, '2026-11-10 16:00:00', NULL),
    (5, 'RFI-2026-00005', 'disqualified', NULL, NULL, 'form', 'Tom Baker', 'tom@baker-tours.test', 'Baker Adventure Tours',
     'baker adventure tours', 'Owner', NULL, '12-months',
     'Looking for a tour guide for a desert trip, maybe Agadez.', 'en', '2026-06', 'en', '2026-11-05 11:00:00', TRUE,
     '2026-11-05 11:00:00', '2026-11-05 11:00:02', '2026-11-05 11:00:02', NULL, 'Tourism trip: not a service we offer.',
     '2026-11-05 13:00:00', NULL),
    (6, 'RFI-2026-00006', 'spam', 'links', 4, 'form', 'Best Offers', 'promo@cheap-links.test', 'Cheap Links Ltd',
     'cheap links', 'Marketing', NULL, 'now',
     'Buy followers now http://spam.test/a http://spam.test/b http://spam.test/c http://spam.test/d', 'en', '2026-06', 'en',
     '2026-11-19 03:00:00', FALSE, '2026-11-19 03:00:00', NULL, NULL, NULL, NULL, NULL, NULL),
    (7, 'RFI-2026-00007', 'new', NULL, NULL, 'form', 'Grace Mensah', 'g.mensah@volta-drilling.test', 'Volta Drilling Services Ltd',
     'volta drilling services', 'Country manager', NULL, '3-months',
     'Following up on my earlier request: we now also need travel security for visiting engineers to Bamako.',
     'en', '2026-06', 'en', '2026-11-22 07:30:00', FALSE, '2026-11-22 07:30:00', '2026-11-22 07:30:02', '2026-11-22 07:30:02',
     NULL, NULL, NULL, 1);

INSERT IGNORE INTO lead_sector (lead_id, sector_code) VALUES
    (1, 'mining'), (2, 'energy'), (3, 'construction'), (4, 'finance'), (5, 'humanitarian'), (7, 'mining');
INSERT IGNORE INTO lead_country (lead_id, country_code) VALUES
    (1, 'ML'), (2, 'BF'), (3, 'NE'), (4, 'ML'), (4, 'BF'), (5, 'NE'), (7, 'ML');
INSERT IGNORE INTO lead_service (lead_id, service_code) VALUES
    (1, 'risk-assessment'), (2, 'risk-assessment'), (3, 'site-security-audit'), (3, 'training'), (4, 'due-diligence'),
    (5, 'travel-security'), (6, 'training'), (7, 'travel-security');
INSERT IGNORE INTO lead_event (id, lead_id, occurred_at, actor, kind, detail, remark) VALUES
    (1, 3, '2026-11-21 10:00:00', 'demo-lead', 'assigned', 'demo-consultant', NULL),
    (2, 4, '2026-11-10 16:00:00', 'demo-lead', 'assigned', 'demo-lead', NULL),
    (3, 4, '2026-11-11 09:30:00', 'demo-lead', 'status', 'qualified', NULL),
    (4, 4, '2026-11-11 09:31:00', 'demo-lead', 'note', NULL, 'Call booked with their compliance team for Thursday.'),
    (5, 5, '2026-11-05 13:00:00', 'demo-consultant', 'status', 'disqualified', 'Tourism trip: not a service we offer.');

-- The demo leads' search text, folded, beside the copies of what the inbox filters on, as V32 fills it
-- (LeadSearchText keeps it for leads that come later).
INSERT INTO lead_search (submitted_at, lead_id, status, assignee, country_codes, sector_codes, service_codes, body)
SELECT l.submitted_at, l.id, l.status, l.assignee, l.country_codes, l.sector_codes, l.service_codes,
       CONCAT(' ', TRIM(REGEXP_REPLACE(search_fold(CONCAT_WS(' ', l.name, l.email, l.organisation, l.job_title, l.needs,
        (SELECT GROUP_CONCAT(e.remark SEPARATOR ' ') FROM lead_event e WHERE e.lead_id = l.id AND e.kind = 'note'))),
        '[^[:alnum:]]+', ' ')), ' ')
FROM lead l WHERE l.id <= 7
ON DUPLICATE KEY UPDATE body = VALUES(body);

-- The demo's disqualified lead gives its reason from the list too.
UPDATE lead SET disqualify_reason = 'not-a-fit' WHERE id = 5 AND status = 'disqualified';
UPDATE lead_event SET reason = 'not-a-fit' WHERE id = 5 AND kind = 'status';

-- The seeded TLP:RED briefing (convoy timings on the Kayes gold roads) is for Claire Dubois
-- (demo-client) only: Amadou Diarra, of the same organisation, does not see it.
INSERT IGNORE INTO briefing_recipient (briefing_id, client_user_id, named_by, named_at)
SELECT 12, u.id, 'demo-consultant', UTC_TIMESTAMP(6) FROM client_user u WHERE u.email = 'demo-client@sahel-gold.test';
