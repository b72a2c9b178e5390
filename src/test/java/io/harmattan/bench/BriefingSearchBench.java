package io.harmattan.bench;

import io.harmattan.bench.TriageBench.Timing;
import io.harmattan.stack.EmbeddedMariaDb;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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

    record Figures(int briefings, double generationSeconds, List<Timing> client, List<Timing> consultant) {
    }

    private final EmbeddedMariaDb db;

    BriefingSearchBench(EmbeddedMariaDb db) {
        this.db = db;
    }

    /** Writes the briefings; returns the seconds it took. */
    double generate() throws SQLException {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO briefing (id, status, published_version, draft_version, created_at, created_by,"
                    + " updated_at, version) SELECT " + FIRST_ID + " + seq, 'published', 1, NULL,"
                    + " TIMESTAMP('2022-01-01') + INTERVAL seq * 6000 SECOND, 'bench',"
                    + " TIMESTAMP('2022-01-01') + INTERVAL seq * 6000 SECOND, 0 FROM seq_1_to_" + BRIEFINGS);
            try (PreparedStatement versions = c.prepareStatement("INSERT INTO briefing_version (id, briefing_id, number,"
                    + " title_en, title_fr, summary_en, summary_fr, body_en, body_fr, en_updated_at, fr_updated_at, all_sectors,"
                    + " security_risk, political_risk, operational_risk, sources, review_date, tlp, created_at, created_by)"
                    + " SELECT " + FIRST_ID + " + seq, " + FIRST_ID + " + seq, 1,"
                    + " CONCAT(ELT(1 + seq % 3, 'Mali', 'Burkina Faso', 'Niger'), ': ', ELT(1 + seq % 5, 'gold roads',"
                    + "   'power and fuel', 'public works', 'banks and payments', 'transport corridors'), ' ', seq),"
                    + " CONCAT(ELT(1 + seq % 3, 'Mali', 'Burkina Faso', 'Niger'), ' : ', ELT(1 + seq % 5, 'routes de l''or',"
                    + "   'électricité et carburant', 'travaux publics', 'banques et paiements', 'corridors de transport'), ' ', seq),"
                    + " 'What changed this month and what it means for operations.',"
                    + " 'Ce qui a changé ce mois-ci et ce que cela signifie pour les opérations.',"
                    + " CONCAT_WS('\\n\\n', ELT(1 + seq % 4, ?, ?, ?, ?), ELT(1 + (seq DIV 4) % 3, ?, ?, ?), CONCAT('Ref note', seq, '.')),"
                    + " CONCAT_WS('\\n\\n', ELT(1 + seq % 4, ?, ?, ?, ?), ELT(1 + (seq DIV 4) % 3, ?, ?, ?), CONCAT('Réf note', seq, '.')),"
                    + " TIMESTAMP('2022-01-01') + INTERVAL seq * 6000 SECOND, TIMESTAMP('2022-01-01') + INTERVAL seq * 6000 SECOND,"
                    + " seq % 10 = 0, 1 + seq % 5, 1 + seq % 4, 1 + seq % 3, 'Field contacts', '2027-06-01',"
                    + " ELT(1 + seq % 4, 'CLEAR', 'GREEN', 'AMBER', 'AMBER'),"
                    + " TIMESTAMP('2022-01-01') + INTERVAL seq * 6000 SECOND, 'bench' FROM seq_1_to_" + BRIEFINGS)) {
                String[] texts = {
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
                for (int i = 0; i < texts.length; i++) {
                    versions.setString(i + 1, texts[i]);
                }
                versions.executeUpdate();
            }
            s.executeUpdate("INSERT INTO briefing_version_country (version_id, country_code) SELECT " + FIRST_ID
                    + " + seq, ELT(1 + seq % 3, 'ML', 'BF', 'NE') FROM seq_1_to_" + BRIEFINGS);
            s.executeUpdate("INSERT IGNORE INTO briefing_version_country (version_id, country_code) SELECT " + FIRST_ID
                    + " + seq, ELT(1 + (seq DIV 3) % 3, 'ML', 'BF', 'NE') FROM seq_1_to_" + BRIEFINGS + " WHERE seq % 4 = 0");
            s.executeUpdate("INSERT INTO briefing_version_sector (version_id, sector_code) SELECT " + FIRST_ID
                    + " + seq, ELT(1 + (seq DIV 7) % 8, 'mining', 'construction', 'energy', 'finance', 'logistics', 'telecoms',"
                    + " 'agriculture', 'humanitarian') FROM seq_1_to_" + BRIEFINGS + " WHERE seq % 10 <> 0");
            s.executeUpdate("UPDATE briefing_version SET published_at = created_at, published_by = 'bench' WHERE id > " + FIRST_ID);
        }
        return (System.nanoTime() - start) / 1e9;
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
        console.put("console briefing search, a word in a quarter of them", "/console/briefings?q=convoys");
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
                + "full HTTP request, %d requests each after 20 warm-up rounds, pages in turn. The portal shows 20 briefings "
                + "a page; a search asks the full-text index of the briefings' texts (both languages) which published "
                + "briefings hold every word, and keeps those the organisation may read.\n\n",
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
