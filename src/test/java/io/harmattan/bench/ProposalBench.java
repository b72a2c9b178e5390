package io.harmattan.bench;

import io.harmattan.stack.EmbeddedMariaDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The proposals section: how long one 30-line proposal takes to render as a PDF (p50 and p99 of
 * sequential downloads of a draft, which is rendered afresh each time), and the client's
 * proposals page against the anonymous trivial page, interleaved round by round.
 */
final class ProposalBench {

    static final int LINES = 30;
    static final int SENT = 12;

    record Figures(List<Double> pdfMillis, List<Double> anonymous, List<Double> proposals, List<Double> ratios, long non200,
            int pdfBytes) {
    }

    private final EmbeddedMariaDb db;

    ProposalBench(EmbeddedMariaDb db) {
        this.db = db;
    }

    /** A 30-line draft for demo-client's organisation, and a dozen sent proposals for its list; returns the draft's id. */
    long seed() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            long draft = proposal(c, "draft", null);
            for (int i = 0; i < SENT; i++) {
                proposal(c, "sent", 1);
            }
            return draft;
        }
    }

    private static long proposal(Connection c, String state, Integer live) throws SQLException {
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO proposal (author, created_at, latest_number, state,"
                + " live_number, organisation_id) VALUES ('demo-consultant', UTC_TIMESTAMP(6), 1, ?, ?, 1)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, state);
            p.setObject(2, live);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE proposal SET reference = CONCAT('PRO-BENCH-', id) WHERE id = " + id);
        }
        long version;
        try (PreparedStatement v = c.prepareStatement("INSERT INTO proposal_version (proposal_id, number, state, written_by,"
                + " language, title, summary, currency, vat_percent, payment_terms, valid_until, total)"
                + " VALUES (?, 1, ?, 'demo-consultant', 'fr', 'Évaluation des risques, sites miniers de Kayes', '', 'XOF', 18,"
                + " '50 % à la signature', DATE_ADD(UTC_DATE(), INTERVAL 30 DAY), 0)", Statement.RETURN_GENERATED_KEYS)) {
            v.setLong(1, id);
            v.setString(2, state);
            v.executeUpdate();
            try (ResultSet keys = v.getGeneratedKeys()) {
                keys.next();
                version = keys.getLong(1);
            }
        }
        try (PreparedStatement l = c.prepareStatement("INSERT INTO proposal_line (version_id, position, service_code,"
                + " countries, sectors, deliverable, quantity, unit, unit_price) VALUES (?, ?, 'risk-assessment', 'ML BF',"
                + " 'mining', ?, ?, 'day', ?)")) {
            for (int i = 0; i < LINES; i++) {
                l.setLong(1, version);
                l.setInt(2, i);
                l.setString(3, "Analyse de la route " + (i + 1) + " entre Kayes et Sadiola, avec escorte et repli");
                l.setInt(4, 1 + i % 5);
                l.setInt(5, 150_000 + 25_000 * i);
                l.addBatch();
            }
            l.executeBatch();
        }
        if (live != null) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE proposal_version SET sent_at = UTC_TIMESTAMP(6), content_hash = SHA2(id, 256),"
                        + " total = 1000000 WHERE id = " + version);
            }
        }
        return id;
    }

    Figures measure(String appUrl, String consultant, String client, long draft, int rounds, int seconds, Path work)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest pdf = HttpRequest.newBuilder(URI.create(appUrl + "/console/proposals/" + draft + "/pdf?version=1"))
                .header("Cookie", consultant).build();
        int bytes = 0;
        for (int i = 0; i < 20; i++) {
            bytes = http.send(pdf, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(pdf, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PDF answered " + response.statusCode());
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Figures f = new Figures(millis, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0, bytes);
        long non200 = 0;
        Wrk.run(appUrl + "/", null, Benchmarks.CONNECTIONS, seconds, work);
        for (int round = 1; round <= rounds; round++) {
            Wrk.Result anonymous = Wrk.run(appUrl + "/", null, Benchmarks.CONNECTIONS, seconds, work);
            Wrk.Result proposals = Wrk.run(appUrl + "/portal/proposals", client, Benchmarks.CONNECTIONS, seconds, work);
            non200 += anonymous.non200() + proposals.non200();
            f.anonymous().add(anonymous.requestsPerSecond());
            f.proposals().add(proposals.requestsPerSecond());
            f.ratios().add(proposals.requestsPerSecond() / anonymous.requestsPerSecond());
            System.out.printf(Locale.ROOT, "proposals round %d: anonymous %.0f/s, client's proposals %.0f/s%n", round,
                    anonymous.requestsPerSecond(), proposals.requestsPerSecond());
        }
        return new Figures(f.pdfMillis(), f.anonymous(), f.proposals(), f.ratios(), non200, bytes);
    }

    static String section(Figures f, int rounds, int seconds, String when) {
        List<Double> sorted = new ArrayList<>(f.pdfMillis());
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2);
        double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        return String.format(Locale.ROOT, """
                ## Proposals (%s)

                Rerun: `BENCH_ONLY=proposals bin/bench`. The app runs with `-Xmx256m` against the embedded MariaDB;
                a 30-line draft proposal (French, FCFA, VAT) and %d sent proposals for demo-client's organisation are
                inserted first.

                | figure | measured | target |
                |---|---|---|
                | 30-line proposal PDF, rendered afresh per request (200 sequential downloads after 20 warm-up), p50 | %.0f ms | |
                | same, p99 | %.0f ms | < 300 ms |
                | PDF size | %d KB | |
                | client's proposals page / anonymous trivial page, median of %d rounds of %d s with %d connections | %.2f | >= 0.35 |
                | client's proposals page, median | %.0f req/s | |
                | anonymous trivial page, median | %.0f req/s | |
                | answers other than 200 | %d | 0 |

                The client's list is kept 5 s per organisation and language (cache "client-proposals", cleared by
                every proposal step on the instance). Without it the ratio was 0.19 (546 against 2,835 req/s, 3 rounds
                of 8 s on 2026-11-30): one query joining four tables per page, on a two-core machine that also runs
                MariaDB and wrk.
                """, when, SENT, p50, p99, f.pdfBytes() / 1024, rounds, seconds, Benchmarks.CONNECTIONS,
                Sections.median(f.ratios()), Sections.median(f.proposals()), Sections.median(f.anonymous()), f.non200());
    }
}
