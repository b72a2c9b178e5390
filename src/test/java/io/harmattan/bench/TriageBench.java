package io.harmattan.bench;

import io.harmattan.stack.EmbeddedMariaDb;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The triage inbox at a million leads: the generator fills the database, then pages of the inbox
 * are timed one request after another (each the full HTTP round trip of a signed-in consultant),
 * interleaved with the trivial console page as the baseline of the same run; then the CSV
 * export's memory is watched while it streams a small and a large result.
 */
final class TriageBench {

    static final int LEADS = 1_000_000;

    record Timing(String label, String path, List<Double> millis, long rows) {

        double p(double quantile) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
        }
    }

    record Export(String label, long rows, long bytes, double seconds, double rssBefore, double rssPeak) {
    }

    record Figures(int leads, double generationSeconds, List<Timing> timings, List<Export> exports, List<Timing> reports) {
    }

    private final EmbeddedMariaDb db;

    TriageBench(EmbeddedMariaDb db) {
        this.db = db;
    }

    /** Fills the database; returns the seconds it took. */
    double generate() throws Exception {
        return Generation.seconds(db, connection -> LeadGenerator.generate(connection, LEADS, "bench"));
    }

    /** A key deep in the newest-first list of new leads: the 500,000th row's position. */
    String deepKey() throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT submitted_at, id FROM lead WHERE status = 'new'"
                        + " ORDER BY submitted_at DESC, id DESC LIMIT 1 OFFSET 250000")) {
            rs.next();
            Instant at = rs.getTimestamp(1).toInstant();
            return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "~" + rs.getLong(2);
        }
    }

    Figures measure(String appUrl, String consultantCookie, String leadCookie, long pid, double generationSeconds,
            int requests) throws Exception {
        // HTTP/1.1 with keep-alive, as browsers talk to the app behind its proxy (no h2c upgrade per request).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("trivial console page (baseline)", "/console");
        pages.put("inbox first page (new, newest first)", "/console/leads");
        pages.put("inbox first page, all statuses", "/console/leads?status=all");
        pages.put("filtered: new, Niger, energy, best fit first", "/console/leads?status=new&country=NE&sector=energy&sort=fit");
        pages.put("filtered: assigned to me, waiting longest", "/console/leads?status=new&assignee=me&sort=waiting");
        pages.put("filtered: date range, service", "/console/leads?status=qualified&service=training&from=2024-03-01&to=2024-03-31");
        pages.put("page 10,001 (after the 250,000th new lead)", "/console/leads?after=" + deepKey());
        pages.put("text search, rare (an organisation's name and number)", "/console/leads?status=all&q=Liptako+1234");
        pages.put("text search, a person's name", "/console/leads?status=all&q=Grace+Laurent");
        pages.put("text search, common word (1 lead in 7)", "/console/leads?status=all&q=Koudougou");
        pages.put("text search, a word being typed, filtered (new, Burkina Faso)", "/console/leads?status=new&country=BF&q=Koudou");
        pages.put("text search, no lead holds both words", "/console/leads?status=all&q=Koudougou+Sadiola");
        List<Timing> timings = time(http, appUrl, consultantCookie, pages, requests);
        List<Export> exports = List.of(
                export(http, appUrl, leadCookie, pid, "one day of qualified leads", "?status=qualified&from=2024-03-01&to=2024-03-01"),
                export(http, appUrl, leadCookie, pid, "Burkina Faso, all statuses", "?status=all&country=BF"),
                export(http, appUrl, leadCookie, pid, "every lead of every working status", "?status=all"));
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("trivial console page (baseline)", "/console");
        String quarter = "?from=2024-01-01&to=2024-03-31";
        for (String report : List.of("leads", "response", "funnel", "proposals", "readership")) {
            reports.put("report: " + report + ", one quarter", "/console/reports/" + report + quarter);
        }
        reports.put("report: leads, one year", "/console/reports/leads?from=2024-01-01&to=2024-12-31");
        reports.put("report: response, one year", "/console/reports/response?from=2024-01-01&to=2024-12-31");
        reports.put("report: funnel, one year", "/console/reports/funnel?from=2024-01-01&to=2024-12-31");
        List<Timing> reportTimings = time(http, appUrl, consultantCookie, reports, Math.max(20, requests / 5));
        return new Figures(LEADS, generationSeconds, timings, exports, reportTimings);
    }

    /**
     * Each page {@code requests} times after 20 warm-up rounds, the pages in turn, request by request,
     * so that they share the machine's moods; the first page is the baseline. Like a browser, the
     * cookies the app sends back are kept: the short-lived identity cookie is renewed every two
     * minutes and the OIDC session when its tokens are refreshed.
     */
    static List<Timing> time(HttpClient http, String appUrl, String cookie, Map<String, String> pages, int requests)
            throws Exception {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        pages.forEach((label, path) -> millis.put(label, new ArrayList<>()));
        CookieJar jar = new CookieJar(cookie);
        for (int round = -20; round < requests; round++) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(appUrl + page.getValue()))
                        .header("Cookie", jar.header()).build(), HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - start) / 1e6;
                jar.update(response.headers().allValues("Set-Cookie"));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(page.getValue() + " answered " + response.statusCode());
                }
                if (round >= 0) {
                    millis.get(page.getKey()).add(ms);
                }
                rows.put(page.getKey(), (long) response.body().split("<tr data-id=|class=\"briefing-card\"", -1).length - 1);
            }
        }
        List<Timing> timings = new ArrayList<>();
        pages.forEach((label, path) -> timings.add(new Timing(label, path, millis.get(label), rows.get(label))));
        return timings;
    }

    /** The cookies a browser would hold, updated from each response's Set-Cookie headers. */
    static final class CookieJar {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        CookieJar(String header) {
            for (String pair : header.split(";\\s*")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }

        void update(List<String> setCookies) {
            for (String set : setCookies) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }

        String header() {
            StringBuilder out = new StringBuilder();
            cookies.forEach((name, value) -> out.append(out.length() == 0 ? "" : "; ").append(name).append('=').append(value));
            return out.toString();
        }
    }

    /** Streams one export to nowhere, sampling the app's RSS every 20 ms meanwhile. */
    private static Export export(HttpClient http, String appUrl, String cookie, long pid, String label, String query)
            throws Exception {
        System.gc();
        double before = rss(pid);
        AtomicReference<Double> peak = new AtomicReference<>(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    peak.accumulateAndGet(rss(pid), Math::max);
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        long bytes = 0;
        long lines = 0;
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/console/leads/export.csv" + query))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        // Lines minus the header; a needs text never holds a line break in generated data.
        return new Export(label, lines - 1, bytes, seconds, before, peak.get());
    }

    static double rss(long pid) throws IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    static String section(Figures f, String when) {
        StringBuilder out = new StringBuilder();
        out.append("## Triage inbox at a million leads\n\n");
        out.append(String.format(Locale.ROOT, "Measured %s. `LeadGenerator` filled the database with %,d leads (statuses, "
                + "countries, sectors, services, assignees and five years of dates spread over them) in %.0f s (each code written fires the trigger "
                + "that copies it into its lead row for the reports, whose own trigger copies it on into the search table), on top of the "
                + "demo data; MariaDB has a " + System.getProperty("mariadb.buffer-pool", "128M") + " buffer pool (`BENCH_BUFFER_POOL`), "
                + "as a server holding a million leads would be given. Each page below is one signed-in consultant's full HTTP request (`-Xmx256m`, one request at a "
                + "time, pages in turn so that they share the machine's moods, cookies kept as a browser keeps them), %d "
                + "requests each after 20 warm-up rounds. A text search reads a sample of the list's next 500 leads, then takes "
                + "the cheaper way the sample points to: walking the search table in date order (at most 4,000 leads further) or the "
                + "full-text index with the rarest word (`InboxSearch`). The last row is the worst case, shown without a "
                + "target: two words that are each common but never together, so the walk finds nothing and the index then "
                + "goes through every lead holding the rarer one.\n\n",
                when, f.leads(), f.generationSeconds(), f.timings().get(0).millis().size()));
        Timing baseline = f.timings().get(0);
        out.append("| page | rows shown | p50 ms | p95 ms | p95 / trivial page p95 | target | verdict |\n|---|---|---|---|---|---|---|\n");
        for (Timing t : f.timings()) {
            int target = t.label().startsWith("inbox first page (new") ? 30 : t.label().startsWith("text search") && !t.label().contains("no lead") ? 50 : 0;
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s |\n", t.label(), t.rows(), t.p(0.5),
                    t.p(0.95), t.p(0.95) / baseline.p(0.95), target > 0 ? "p95 < " + target + " ms" : "",
                    target > 0 ? (t.p(0.95) < target ? "met" : "**not met**") : ""));
        }
        Timing reportBaseline = f.reports().get(0);
        out.append(String.format(Locale.ROOT, "\nReports (`/console/reports`) over the same million leads, %d requests each after "
                + "20 warm-up rounds; the generated leads arrive one every 157 s (about 50,000 a quarter), four in five with a "
                + "first response. The target holds for a quarter (the reports open on twelve weeks); the rows for a whole year "
                + "show how the time grows with the period, without a target:\n\n", reportBaseline.millis().size()));
        out.append("| report | p50 ms | p95 ms | p95 / trivial page p95 | target | verdict |\n|---|---|---|---|---|---|\n");
        for (Timing t : f.reports()) {
            boolean report = t.label().startsWith("report") && t.label().endsWith("one quarter");
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %s |\n", t.label(), t.p(0.5), t.p(0.95),
                    t.p(0.95) / reportBaseline.p(0.95), report ? "p95 < 500 ms" : "",
                    report ? (t.p(0.95) < 500 ? "met" : "**not met**") : ""));
        }
        out.append("\nThe export streams the filtered inbox from a database cursor to the response; the app's resident memory "
                + "is sampled every 20 ms while the CSV is read:\n\n");
        out.append("| export | rows | MB sent | seconds | RSS before, MB | peak RSS, MB | growth, MB |\n|---|---|---|---|---|---|---|\n");
        for (Export e : f.exports()) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.0f | %.0f | %.0f |\n", e.label(), e.rows(),
                    e.bytes() / 1e6, e.seconds(), e.rssBefore(), e.rssPeak(), e.rssPeak() - e.rssBefore()));
        }
        return out.toString();
    }
}
