package io.harmattan.bench;

import io.harmattan.stack.EmbeddedMariaDb;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Committed submissions per second, counted in the database: through the real form (GET the page
 * for its one-time token and CSRF token, POST it once the token is old enough not to look like a
 * bot), through the JSON API, and the ceiling of single-row committed JDBC inserts into the same
 * table, all at the same concurrency, interleaved round by round. Then the form's latency at half
 * the maximum rate, open-loop (each submission timed from when it was due, not from when a busy
 * client got round to it).
 */
final class IntakeBench {

    static final int CONCURRENCY = 16;
    static final String API_KEY = "bench-only-api-key";
    static final Duration TOKEN_AGE = Duration.ofMillis(3_200);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    record Figures(List<Double> ceiling, List<Double> form, List<Double> api, List<Double> formRatios,
            List<Double> apiRatios, List<Double> sameWork, List<Double> sameWorkRatios, long failures, Latency latency) {
    }

    record Latency(double rate, int submissions, double formP50, double formP99, double apiP50, double apiP99,
            long failures) {
    }

    private final IntakeRequests requests;
    private final EmbeddedMariaDb db;

    /** {@code baselineUrl}: the running {@link SameWorkApp}, writing to its own database on the same server. */
    IntakeBench(String appUrl, String baselineUrl, EmbeddedMariaDb db) {
        this.requests = new IntakeRequests(appUrl, baselineUrl);
        this.db = db;
    }

    Figures measure(int rounds, int seconds) throws Exception {
        List<Double> ceiling = new ArrayList<>();
        List<Double> form = new ArrayList<>();
        List<Double> api = new ArrayList<>();
        List<Double> formRatios = new ArrayList<>();
        List<Double> apiRatios = new ArrayList<>();
        List<Double> sameWork = new ArrayList<>();
        List<Double> sameWorkRatios = new ArrayList<>();
        formRate(seconds); // warm-up: the JIT, the pools, the mail server's first connections
        sameWorkRate(seconds);
        for (int round = 1; round <= rounds; round++) {
            double raw = insertRate(seconds);
            double viaForm = formRate(seconds);
            double viaApi = apiRate(seconds);
            double baseline = sameWorkRate(seconds);
            ceiling.add(raw);
            form.add(viaForm);
            api.add(viaApi);
            sameWork.add(baseline);
            formRatios.add(viaForm / raw);
            apiRatios.add(viaApi / raw);
            sameWorkRatios.add(viaForm / baseline);
            System.out.printf(Locale.ROOT, "intake round %d: JDBC ceiling %.0f/s, form %.0f/s, API %.0f/s,"
                    + " same-work baseline %.0f/s (failures %d)%n", round, raw, viaForm, viaApi, baseline, requests.failures());
        }
        Latency latency = latencyAt(Sections.median(form) / 2, Math.max(seconds, 10));
        return new Figures(ceiling, form, api, formRatios, apiRatios, sameWork, sameWorkRatios, requests.failures(), latency);
    }

    // ---- the three ways in, each run by CONCURRENCY workers for the same time ----------------

    /** Single-row committed inserts of a complete lead row, straight over JDBC: the ceiling. */
    private double insertRate(int seconds) throws Exception {
        return committedPerSecond(seconds, deadline -> {
            try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO lead (status, source, name, email, organisation, organisation_key, job_title, timeframe,
                        needs, language, consent_version, consent_language, consent_at, marketing_opt_in, submitted_at,
                        client_key)
                    VALUES ('new', 'bench', ?, ?, ?, ?, 'Head of security', '3-months', ?, 'en', '2026-11', 'en', ?, FALSE, ?, ?)
                    """)) {
                connection.setAutoCommit(true);
                while (System.nanoTime() < deadline) {
                    long n = SEQUENCE.incrementAndGet();
                    Timestamp now = Timestamp.from(Instant.now());
                    insert.setString(1, "Bench Prospect " + n);
                    insert.setString(2, "ceiling-" + n + "@bench.example");
                    insert.setString(3, "Ceiling Mining " + n);
                    insert.setString(4, "ceiling mining " + n);
                    insert.setString(5, IntakeRequests.NEEDS);
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.setString(8, Long.toHexString(n));
                    insert.executeUpdate();
                }
            }
        });
    }

    /** The real form: one GET for the page and its tokens, one POST per submission. */
    private double formRate(int seconds) throws Exception {
        return committedPerSecond(seconds, deadline -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // Tokens younger than the minimum fill time would be quarantined as a bot's: keep a
            // few seconds' worth in hand, fetched before the clock starts and replaced one for one.
            // When none is old enough yet, fetch one more rather than wait: the pool grows to what
            // this worker's pace needs, at the price of a few extra GETs inside the measured time.
            ArrayDeque<IntakeRequests.FormPage> ready = new ArrayDeque<>();
            long fillUntil = System.nanoTime() + TOKEN_AGE.toNanos();
            while (System.nanoTime() < fillUntil) {
                ready.add(requests.formPage(http));
            }
            waitFor(deadline - Duration.ofSeconds(seconds).toNanos());
            while (System.nanoTime() < deadline) {
                if (System.nanoTime() - ready.peek().fetchedAt() < TOKEN_AGE.toNanos()) {
                    ready.add(requests.formPage(http));
                    continue;
                }
                requests.postForm(http, ready.poll());
                ready.add(requests.formPage(http));
            }
        }, TOKEN_AGE.toMillis() + 500);
    }

    /** The same-work baseline's form: one GET for the page and its CSRF token, one POST (one insert) per submission. */
    private double sameWorkRate(int seconds) throws Exception {
        return committedPerSecond(seconds, deadline -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            while (System.nanoTime() < deadline) {
                requests.postSameWork(http);
            }
        }, 0, SameWorkApp.DATABASE + ".submission");
    }

    /** The web-to-lead API: one POST per submission. */
    private double apiRate(int seconds) throws Exception {
        return committedPerSecond(seconds, deadline -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            while (System.nanoTime() < deadline) {
                requests.postApi(http);
            }
        });
    }

    // ---- latency at a fixed arrival rate ------------------------------------------------------

    private Latency latencyAt(double rate, int seconds) throws Exception {
        int submissions = (int) Math.max(1, rate * seconds);
        long interval = (long) (1_000_000_000L / rate);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4 * CONCURRENCY);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Double> formMillis = Collections.synchronizedList(new ArrayList<>());
        List<Double> apiMillis = Collections.synchronizedList(new ArrayList<>());
        long failuresBefore = requests.failures();
        CountDownLatch done = new CountDownLatch(submissions);
        long start = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < submissions; i++) {
            long due = start + i * interval;
            // Each prospect opens the form, and sends it a little over the minimum fill time later.
            clock.schedule(() -> {
                try {
                    IntakeRequests.FormPage page = requests.formPage(http);
                    long postDue = due + TOKEN_AGE.toNanos();
                    clock.schedule(() -> {
                        try {
                            requests.postForm(http, page);
                            formMillis.add((System.nanoTime() - postDue) / 1e6);
                        } catch (Exception e) {
                            requests.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                        } finally {
                            done.countDown();
                        }
                    }, postDue - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    requests.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                    done.countDown();
                }
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(seconds + 120L, TimeUnit.SECONDS);
        CountDownLatch apiDone = new CountDownLatch(submissions);
        long apiStart = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < submissions; i++) {
            long due = apiStart + i * interval;
            clock.schedule(() -> {
                try {
                    requests.postApi(http);
                    apiMillis.add((System.nanoTime() - due) / 1e6);
                } catch (Exception e) {
                    requests.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                } finally {
                    apiDone.countDown();
                }
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        apiDone.await(seconds + 60L, TimeUnit.SECONDS);
        clock.shutdownNow();
        return new Latency(rate, submissions, percentile(formMillis, 50), percentile(formMillis, 99),
                percentile(apiMillis, 50), percentile(apiMillis, 99), requests.failures() - failuresBefore);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    interface Worker {
        void run(long deadlineNanos) throws Exception;
    }

    private double committedPerSecond(int seconds, Worker worker) throws Exception {
        return committedPerSecond(seconds, worker, 0);
    }

    private double committedPerSecond(int seconds, Worker worker, long setupMillis) throws Exception {
        return committedPerSecond(seconds, worker, setupMillis, "lead");
    }

    /**
     * Runs CONCURRENCY workers until the deadline (after {@code setupMillis} of preparation each)
     * and divides the rows the database gained by the time from the start until the last worker
     * came back: a submission still in flight at the deadline is waited for and counted.
     */
    private double committedPerSecond(int seconds, Worker worker, long setupMillis, String table) throws Exception {
        long before = rows(table);
        long start = System.nanoTime() + Duration.ofMillis(setupMillis).toNanos();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<Exception> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            Thread thread = new Thread(() -> {
                try {
                    worker.run(deadline);
                } catch (Exception e) {
                    errors.add(e);
                }
            }, "intake-bench-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!errors.isEmpty()) {
            throw new IllegalStateException("A benchmark worker failed", errors.peek());
        }
        return (rows(table) - before) / elapsed;
    }

    private long rows(String table) throws SQLException {
        try (Connection connection = connect(); ResultSet count = connection.createStatement()
                .executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static void waitFor(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
