package io.harmattan.bench;

import io.harmattan.bench.TriageBench.Timing;
import io.harmattan.stack.EmbeddedMariaDb;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client's briefing search at 10,000 published briefings: the generator writes them straight
 * into the database (random countries and sectors, English and French texts assembled from a
 * handful of paragraphs, each with its own reference word), then demo-client's pages are timed
 * request by request against the portal's home page, and a consultant's search of the console's
 * list likewise.
 */
final class BriefingSearchBench {

    static final int BRIEFINGS = 10_000;
    /** Above the seeded briefings' ids. */
    static final int FIRST_ID = 100_000;

    /** The paragraphs bodies are made of: four and three in English, then the same in French. */
    static final String[] TEXTS = {
        "Convoys on the northern roads now leave at dawn under escort; night movements remain forbidden.",
        "Power cuts in the capital lasted up to twelve hours a day, and generators depend on fuel imports.",
        "The new mining code raises the state's share in each project and reviews older permits.",
        "Banks tightened transfers abroad; payments to contractors take two to three weeks.",
        "Attacks on fuel tankers rose along the border corridor, with drivers kidnapped twice.",
        "Local elections were postponed and the transition charter extended by five years.",
        "Artisanal sites near the river drew thousands of miners after the rainy season.",
        "Les convois sur les routes du nord partent désormais à l'aube sous escorte ; la circulation de nuit reste interdite.",
        "Les délestages dans la capitale ont duré jusqu'à douze heures par jour et les groupes dépendent du carburant importé.",
        "Le nouveau code minier augmente la part de l'État dans chaque projet et révise les anciens permis.",
        "Les banques ont durci les transferts à l'étranger ; les paiements aux sous-traitants prennent deux à trois semaines.",
        "Les attaques contre les camions-citernes ont augmenté le long du corridor frontalier, avec deux enlèvements de chauffeurs.",
        "Les élections locales ont été reportées et la charte de la transition prolongée de cinq ans.",
        "Les sites d'orpaillage près du fleuve ont attiré des milliers de mineurs après la saison des pluies."};

    record Figures(int briefings, double generationSeconds, List<Timing> client, List<Timing> consultant) {
    }

    private final EmbeddedMariaDb db;

    BriefingSearchBench(EmbeddedMariaDb db) {
        this.db = db;
    }

    /** Writes the briefings; returns the seconds it took. */
    double generate() throws SQLException {
        return Generation.seconds(db, BriefingSearchBench::generate);
    }

    static void generate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO briefing (id, status, published_version, draft_version, created_at, created_by,"
                    + " updated_at, version) SELECT " + FIRST_ID + " + seq, 'published', 1, NULL,"
                    + " TIMESTAMP('2022-01-01') + INTERVAL seq * 6000 SECOND, 'bench',"
                    + " TIMESTAMP('2022-01-01') + INTERVAL seq * 6000 SECOND, 0 FROM seq_1_to_" + BRIEFINGS);
            // Row by row in batches: MariaDB 11.4 refuses INSERT ... SELECT into briefing_version ("briefing_id
            // cannot be null") although the same rows go in with VALUES.
            try (PreparedStatement versions = c.prepareStatement("INSERT INTO briefing_version (id, briefing_id, number,"
                    + " title_en, title_fr, summary_en, summary_fr, body_en, body_fr, en_updated_at, fr_updated_at, all_sectors,"
                    + " security_risk, political_risk, operational_risk, sources, review_date, tlp, created_at, created_by)"
                    + " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Field contacts', '2027-06-01', ?, ?, 'bench')")) {
                String[] countries = {"Mali", "Burkina Faso", "Niger"};
                String[] topicsEn = {"gold roads", "power and fuel", "public works", "banks and payments", "transport corridors"};
                String[] topicsFr = {"routes de l'or", "électricité et carburant", "travaux publics", "banques et paiements",
                    "corridors de transport"};
                String[] tlp = {"CLEAR", "GREEN", "AMBER", "AMBER"};
                for (int n = 1; n <= BRIEFINGS; n++) {
                    Timestamp at = Timestamp.valueOf(LocalDateTime.of(2022, 1, 1, 0, 0).plusSeconds(n * 6000L));
                    int i = 1;
                    versions.setLong(i++, FIRST_ID + n);
                    versions.setLong(i++, FIRST_ID + n);
                    versions.setString(i++, countries[n % 3] + ": " + topicsEn[n % 5] + " " + n);
                    versions.setString(i++, countries[n % 3] + " : " + topicsFr[n % 5] + " " + n);
                    versions.setString(i++, "What changed this month and what it means for operations.");
                    versions.setString(i++, "Ce qui a changé ce mois-ci et ce que cela signifie pour les opérations.");
                    versions.setString(i++, TEXTS[n % 4] + "\n\n" + TEXTS[4 + (n / 4) % 3] + "\n\nRef note" + n + ".");
                    versions.setString(i++, TEXTS[7 + n % 4] + "\n\n" + TEXTS[11 + (n / 4) % 3] + "\n\nRéf note" + n + ".");
                    versions.setTimestamp(i++, at);
                    versions.setTimestamp(i++, at);
                    versions.setBoolean(i++, n % 10 == 0);
                    versions.setInt(i++, 1 + n % 5);
                    versions.setInt(i++, 1 + n % 4);
                    versions.setInt(i++, 1 + n % 3);
                    versions.setString(i++, tlp[n % 4]);
                    versions.setTimestamp(i++, at);
                    versions.addBatch();
                    if (n % 500 == 0) {
                        versions.executeBatch();
                    }
                }
                versions.executeBatch();
            }
            String[] codes = {"ML", "BF", "NE"};
            String[] sectors = {"mining", "construction", "energy", "finance", "logistics", "telecoms", "agriculture", "humanitarian"};
            try (PreparedStatement country = c.prepareStatement(
                    "INSERT IGNORE INTO briefing_version_country (version_id, country_code) VALUES (?, ?)");
                    PreparedStatement sector = c.prepareStatement(
                            "INSERT INTO briefing_version_sector (version_id, sector_code) VALUES (?, ?)")) {
                for (int n = 1; n <= BRIEFINGS; n++) {
                    country.setLong(1, FIRST_ID + n);
                    country.setString(2, codes[n % 3]);
                    country.addBatch();
                    if (n % 4 == 0) {
                        country.setString(2, codes[(n / 3) % 3]);
                        country.addBatch();
                    }
                    if (n % 10 != 0) {
                        sector.setLong(1, FIRST_ID + n);
                        sector.setString(2, sectors[(n / 7) % 8]);
                        sector.addBatch();
                    }
                    if (n % 500 == 0) {
                        country.executeBatch();
                        sector.executeBatch();
                    }
                }
                country.executeBatch();
                sector.executeBatch();
            }
            s.executeUpdate("UPDATE briefing_version SET published_at = created_at, published_by = 'bench' WHERE id > " + FIRST_ID);
        }
    }

    Figures measure(String appUrl, String clientCookie, String consultantCookie, double generationSeconds, int requests)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> client = new LinkedHashMap<>();
        client.put("trivial portal page (baseline)", "/portal");
        client.put("\"My briefings\", first page", "/portal/briefings");
        client.put("search, a word in a quarter of them (\"convoys\")", "/portal/briefings?q=convoys");
        client.put("search, a French word without its accents (\"delestages\")", "/portal/briefings?q=delestages");
        client.put("search, one briefing's own word", "/portal/briefings?q=note" + (BRIEFINGS / 2 + 2));
        client.put("search, two words, a prefix being typed (\"code mini\")", "/portal/briefings?q=code+mini");
        client.put("search, page 5 of a common word", "/portal/briefings?q=the&page=5");
        Map<String, String> console = new LinkedHashMap<>();
        console.put("trivial console page (baseline)", "/console");
        console.put("console briefing list, last changed first (200 rows)", "/console/briefings");
        console.put("console briefing search, a word in a quarter of them (first 50)", "/console/briefings?q=convoys");
        console.put("console briefing search, one briefing's own word", "/console/briefings?q=note" + (BRIEFINGS / 2 + 2));
        return new Figures(BRIEFINGS, generationSeconds, TriageBench.time(http, appUrl, clientCookie, client, requests),
                TriageBench.time(http, appUrl, consultantCookie, console, requests));
    }

    static String section(Figures f, String when) {
        StringBuilder out = new StringBuilder();
        out.append("### Briefing search at 10,000 briefings\n\n");
        out.append(String.format(Locale.ROOT, "Measured %s. `BriefingSearchBench` wrote %,d published briefings (random "
                + "countries and sectors, English and French texts, each with its own reference word) in %.1f s, on top of the "
                + "seeded ones; demo-client's organisation (mining and energy in Mali and Burkina Faso) may read those that "
                + "match it. Each row is one signed-in person's "
                + "full HTTP request, %d requests each after 20 warm-up rounds, pages in turn. The portal's search reads the "
                + "words the briefing catalogue keeps in memory for the published briefings (`PublishedWords`) and keeps those "
                + "the organisation may read, 20 a page; the console's search asks the database's full-text index over every "
                + "briefing's current version (both languages) and shows the 50 last changed.\n\n",
                when, f.briefings(), f.generationSeconds(), f.client().get(0).millis().size()));
        table(out, f.client(), "search");
        out.append('\n');
        table(out, f.consultant(), "console briefing search");
        return out.toString();
    }

    private static void table(StringBuilder out, List<Timing> timings, String targeted) {
        Timing baseline = timings.get(0);
        out.append("| page | items shown | p50 ms | p95 ms | p95 / trivial page p95 | target | verdict |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Timing t : timings) {
            boolean target = t.label().startsWith(targeted);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s |\n", t.label(), t.rows(), t.p(0.5),
                    t.p(0.95), t.p(0.95) / baseline.p(0.95), target ? "p95 < 50 ms" : "",
                    target ? (t.p(0.95) < 50 ? "met" : "**not met**") : ""));
        }
    }
}
