package io.harmattan.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the lead tables with synthetic requests for interest, spread over statuses, countries,
 * sectors, services, assignees and five years of submission times, in batches of set-based SQL on
 * MariaDB's sequence tables (seq_1_to_N). Every generated lead carries {@code marker} in its
 * organisation so that a test can find exactly its own.
 */
public final class LeadGenerator {

    static final int BATCH = 50_000;

    private LeadGenerator() {
    }

    /** Adds {@code count} leads; {@code marker} (letters only, 3-8 characters) ends up in every reference and organisation. */
    public static void generate(Connection connection, int count, String marker) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int from = 0; from < count; from += BATCH) {
                int size = Math.min(BATCH, count - from);
                long before = lastId(connection);
                insertLeads(connection, from, size, marker);
                insertDetails(connection, before);
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long lastId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                java.sql.ResultSet last = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM lead")) {
            last.next();
            return last.getLong(1);
        }
    }

    /** The search text and codes of the leads after {@code before} (this batch's: the generator is their only writer). */
    private static void insertDetails(Connection connection, long before) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String batch = " FROM lead WHERE id > " + before;
            // One to three countries, one or two sectors, one to three services per lead, read from a list of the
            // batch's ids: the join tables' triggers copy each code into its lead row (V31), which a statement that
            // itself reads the lead table may not do.
            statement.executeUpdate("CREATE TEMPORARY TABLE generated_lead (id BIGINT PRIMARY KEY) SELECT id" + batch);
            String mine = " FROM generated_lead WHERE TRUE";
            statement.executeUpdate("INSERT INTO lead_country (lead_id, country_code) SELECT id, ELT(1 + id % 3, 'BF', 'ML', 'NE')" + mine);
            statement.executeUpdate("INSERT INTO lead_country (lead_id, country_code) SELECT id, ELT(1 + (id + 1) % 3, 'BF', 'ML', 'NE')" + mine + " AND id % 4 = 0");
            statement.executeUpdate("INSERT INTO lead_sector (lead_id, sector_code) SELECT id, ELT(1 + id % 8, 'mining', 'construction',"
                    + " 'energy', 'finance', 'mining', 'energy', 'logistics', 'agriculture')" + mine);
            statement.executeUpdate("INSERT INTO lead_sector (lead_id, sector_code) SELECT id, ELT(1 + id % 3, 'telecoms', 'humanitarian',"
                    + " 'construction')" + mine + " AND id % 5 = 0 AND id % 8 NOT IN (1, 7)");
            statement.executeUpdate("INSERT INTO lead_service (lead_id, service_code) SELECT id, ELT(1 + id % 7, 'risk-assessment',"
                    + " 'briefing-subscription', 'travel-security', 'due-diligence', 'site-security-audit', 'crisis-planning', 'training')" + mine);
            statement.executeUpdate("INSERT INTO lead_service (lead_id, service_code) SELECT id, 'risk-assessment'" + mine
                    + " AND id % 3 = 0 AND id % 7 <> 0");
            statement.executeUpdate("DROP TEMPORARY TABLE generated_lead");
            // Their search text, as LeadSearchText writes it for a lead without notes (folded by V32's search_fold), in the
            // row the lead's insert made (whose copies of what the inbox filters on the triggers keep).
            statement.executeUpdate("UPDATE lead_search s JOIN lead l ON l.id = s.lead_id SET s.body = CONCAT(' ', TRIM(REGEXP_REPLACE("
                    + "search_fold(CONCAT_WS(' ', l.name, l.email, l.organisation, l.job_title, l.needs)), '[^[:alnum:]]+', ' ')), ' ')"
                    + " WHERE l.id > " + before);
        }
    }

    private static void insertLeads(Connection connection, int from, int size, String marker) throws SQLException {
        String sql = "INSERT INTO lead (reference, status, spam_reason, source, name, email, organisation, organisation_key,"
                + " job_title, phone, timeframe, needs, language, consent_version, consent_language, consent_at,"
                + " marketing_opt_in, submitted_at, fit_score, assignee, version, mail_attempts, ack_sent_at, triage_notified_at,"
                + " first_response_at)"
                + " SELECT CONCAT('G', ?, '-', n),"
                + " ELT(1 + n % 20, 'new', 'new', 'new', 'new', 'new', 'new', 'qualified', 'qualified', 'qualified', 'disqualified',"
                + "   'disqualified', 'spam', 'converted', 'new', 'qualified', 'disqualified', 'new', 'merged', 'new', 'qualified'),"
                + " IF(n % 20 = 11, 'links', NULL), IF(n % 4 = 0, 'api', 'form'),"
                + " CONCAT(ELT(1 + n % 10, 'Awa', 'Moussa', 'Fatoumata', 'Ibrahim', 'Aïcha', 'Oumar', 'Mariam', 'Boubacar', 'Grace', 'Paul'),"
                + "   ' ', ELT(1 + (n DIV 10) % 10, 'Traoré', 'Diallo', 'Ouédraogo', 'Keita', 'Maïga', 'Sawadogo', 'Coulibaly', 'Issoufou',"
                + "   'Mensah', 'Laurent')),"
                + " CONCAT('contact', n, '@', ELT(1 + n % 6, 'gmail.com', 'sahel-gold.test', 'faso-energie.test', 'niger-build.test',"
                + "   'bank-bamako.test', 'yahoo.fr')),"
                + " CONCAT(ELT(1 + n % 6, 'Sahel Gold', 'Faso Énergie', 'Niger Build', 'Banque de Bamako', 'Liptako Mining',"
                + "   'Transports du Sahel'), ' ', ?, ' ', n % 20000),"
                + " CONCAT(LOWER(ELT(1 + n % 6, 'sahel gold', 'faso energie', 'niger build', 'banque de bamako', 'liptako mining',"
                + "   'transports du sahel')), ' ', LOWER(?), ' ', n % 20000),"
                + " ELT(1 + n % 4, 'Country manager', 'Head of security', 'Directeur général', 'Risk analyst'),"
                + " IF(n % 3 = 0, NULL, CONCAT('+223 ', 20000000 + n % 9999999)),"
                + " ELT(1 + n % 5, 'now', '3-months', '6-months', '12-months', 'exploring'),"
                + " ELT(1 + n % 7, 'Exploration drilling near Sadiola and Kéniéba; convoy planning between camps.',"
                + "   'Centrale solaire près de Koudougou : évaluation des risques pour le chantier.',"
                + "   'Road and bridge works on the Niamey to Dosso corridor, site security audit wanted.',"
                + "   'Due diligence sur des partenaires bancaires à Bamako et Ouagadougou.',"
                + "   'Uranium logistics out of Arlit and Agadez; staff travel security.',"
                + "   'Cotton processing plant in Bobo-Dioulasso, crisis planning for the season.',"
                + "   'Telecom towers along the Mopti to Gao road, risk assessment.'),"
                + " IF(n % 3 = 0, 'fr', 'en'), '2026-06', IF(n % 3 = 0, 'fr', 'en'),"
                + " TIMESTAMP('2021-11-01 00:00:00') + INTERVAL (n * 157) SECOND, n % 5 = 0,"
                + " TIMESTAMP('2021-11-01 00:00:00') + INTERVAL (n * 157) SECOND, n * 37 % 101,"
                + " ELT(1 + n % 5, NULL, 'demo-consultant', 'demo-lead', NULL, 'demo-consultant'), 0, 0,"
                // Acknowledged and announced long ago: the mail job has nothing to send for them.
                + " TIMESTAMP('2021-11-01 00:00:05') + INTERVAL (n * 157) SECOND, TIMESTAMP('2021-11-01 00:00:05') + INTERVAL (n * 157) SECOND,"
                // Four leads in five answered, from minutes to a few days later (the first-response report's material).
                + " IF(n % 5 = 0, NULL, TIMESTAMP('2021-11-01 00:00:00') + INTERVAL (n * 157 + n * 7919 % 259200) SECOND)"
                + " FROM (SELECT seq + ? AS n FROM seq_1_to_" + size + ") s";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, marker);
            statement.setString(2, marker);
            statement.setString(3, marker);
            statement.setInt(4, from);
            statement.executeUpdate();
        }
    }
}
