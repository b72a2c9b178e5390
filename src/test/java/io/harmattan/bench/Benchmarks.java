package io.harmattan.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.harmattan.stack.EmbeddedKeycloak;
import io.harmattan.stack.EmbeddedMariaDb;
import io.harmattan.stack.FreePort;
import io.harmattan.stack.StackEnv;
import io.harmattan.testing.CodeFlowLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/bench}: everything measured in one run, the two sides of each ratio interleaved
 * round by round, so that the shared machine's noise hits both alike. Writes docs/benchmarks.md.
 */
public final class Benchmarks {

    private static final int CONNECTIONS = 16;

    public static void main(String[] args) throws Exception {
        Path basedir = Path.of(System.getProperty("stack.basedir", ".")).toAbsolutePath();
        Path local = Path.of(System.getProperty("stack.local", basedir.resolve(".local").toString()));
        int rounds = Integer.getInteger("bench.rounds", 5);
        int seconds = Integer.getInteger("bench.seconds", 10);
        Path work = basedir.resolve("target/bench");
        Files.createDirectories(work);
        Path harmattanJar = basedir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(harmattanJar)) {
            throw new IllegalStateException("Package the app first (bin/bench does): " + harmattanJar);
        }
        Path minimalJar = MinimalApp.build(work.resolve("minimal"), System.getProperty("quarkus.version", "3.30.6"));

        int appPort = FreePort.find();
        String appUrl = "http://localhost:" + appPort;
        Path data = Files.createTempDirectory("harmattan-bench-");
        System.out.println("Starting MariaDB, Keycloak and the mail server ...");
        GreenMail mail = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        // The mail server's threads live in a group of their own: a connection the app drops when it is
        // stopped mid-message is logged there instead of failing the whole run (exec:java counts any
        // uncaught exception in its thread group as a failure).
        ThreadGroup mailThreads = new ThreadGroup("greenmail") {
            @Override
            public void uncaughtException(Thread thread, Throwable e) {
                System.err.println("Mail server: " + e.getMessage());
            }
        };
        Thread starter = new Thread(mailThreads, mail::start, "greenmail-start");
        starter.start();
        starter.join();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(data.resolve("mariadb"), FreePort.find(), true);
                EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(local, basedir.resolve("realm-config"),
                        FreePort.find(), data.resolve("keycloak"), StackEnv.realm(appUrl))) {
            Map<String, String> env = new LinkedHashMap<>();
            env.putAll(StackEnv.database(db));
            env.putAll(StackEnv.keycloak(keycloak.url()));
            env.put("HARMATTAN_PUBLIC_URL", appUrl);
            env.put("HARMATTAN_SECURE_COOKIES", "false");

            env.put("HARMATTAN_API_KEYS", IntakeBench.API_KEY);
            env.putAll(StackEnv.mail(mail.getSmtp().getPort()));
            Path report = basedir.resolve("docs/benchmarks.md");
            Report.replaceSection(report, "intro", intro(rounds, seconds));
            if (selected("web-shell")) {
                StartupFigures startup = measureStartup(harmattanJar, minimalJar, env, appPort, work, rounds);
                // The app has created the schema; add the demo organisation and the seeded briefings, which
                // the production build does not carry, so that "My briefings" has something to show.
                db.source("db/demo/R__demo_data.sql");
                db.source("db/demo/R__demo_briefings.sql");
                PageFigures pages = measurePages(harmattanJar, env, appPort, appUrl, work, rounds, seconds);
                Report.replaceSection(report, "web-shell", webShellSection(startup, pages, rounds, seconds));
            }
            if (selected("briefings")) {
                MatchBench.Figures match = MatchBench.measure(5_000);
                Report.replaceSection(report, "briefings", briefingsSection(match));
            }
            if (selected("intake")) {
                try (AppProcess app = AppProcess.start(harmattanJar, appPort, env, "/", work.resolve("app-intake.log"))) {
                    IntakeBench.Figures intake = new IntakeBench(appUrl.replace("localhost", "127.0.0.1"), db).measure(rounds, seconds);
                    Report.replaceSection(report, "intake", intakeSection(intake, rounds, seconds));
                }
            }
            if (selected("triage")) {
                try (AppProcess app = AppProcess.start(harmattanJar, appPort, env, "/", work.resolve("app-triage.log"))) {
                    // The app has migrated the schema; demo data (its consultants) and a million leads go in next.
                    db.source("db/demo/R__demo_data.sql");
                    TriageBench triage = new TriageBench(db);
                    System.out.println("Generating " + TriageBench.LEADS + " leads ...");
                    double generation = triage.generate();
                    String consultant = requirePage(appUrl, "/console",
                            CodeFlowLogin.sessionCookies(appUrl, "/console", "demo-consultant", "demo"), "id=\"welcome\"");
                    String lead = requirePage(appUrl, "/console",
                            CodeFlowLogin.sessionCookies(appUrl, "/console", "demo-lead", "demo"), "id=\"welcome\"");
                    TriageBench.Figures figures = triage.measure(appUrl, consultant, lead, app.pid(), generation,
                            Integer.getInteger("bench.triage.requests", 200));
                    Report.replaceSection(report, "triage", TriageBench.section(figures, now()));
                }
            }
            System.out.println(Files.readString(report));
        } finally {
            try {
                mail.stop();
            } catch (RuntimeException e) {
                System.err.println("Stopping the mail server: " + e.getMessage());
            }
        }
    }

    /** {@code -Dbench.only=intake} (BENCH_ONLY in bin/bench) runs one section and keeps the others' last figures. */
    private static boolean selected(String section) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || List.of(only.split(",")).contains(section);
    }

    record StartupFigures(List<Double> appMillis, List<Double> minimalMillis, List<Double> appRss, List<Double> minimalRss) {
    }

    record PageFigures(List<Double> anonymous, List<Double> authenticated, List<Double> ratios, List<Double> myBriefings,
            List<Double> myBriefingsRatios, long non200) {
    }

    private static StartupFigures measureStartup(Path appJar, Path minimalJar, Map<String, String> env, int port,
            Path work, int rounds) throws Exception {
        StartupFigures figures = new StartupFigures(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            try (AppProcess app = AppProcess.start(appJar, port, env, "/", work.resolve("app-startup.log"))) {
                figures.appMillis.add((double) app.millisToFirstResponse);
                figures.appRss.add(app.rssMegabytes());
            }
            try (AppProcess minimal = AppProcess.start(minimalJar, port, Map.of(), "/", work.resolve("minimal-startup.log"))) {
                figures.minimalMillis.add((double) minimal.millisToFirstResponse);
                figures.minimalRss.add(minimal.rssMegabytes());
            }
            System.out.printf(Locale.ROOT, "start-up round %d: app %.0f ms %.0f MB, minimal %.0f ms %.0f MB%n", round,
                    last(figures.appMillis), last(figures.appRss), last(figures.minimalMillis), last(figures.minimalRss));
        }
        return figures;
    }

    private static PageFigures measurePages(Path appJar, Map<String, String> env, int port, String appUrl, Path work,
            int rounds, int seconds) throws Exception {
        PageFigures figures = new PageFigures(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), 0);
        long non200 = 0;
        try (AppProcess app = AppProcess.start(appJar, port, env, "/", work.resolve("app-pages.log"))) {
            // Warm-up, so the first round does not measure the JIT.
            Wrk.run(appUrl + "/", null, CONNECTIONS, seconds, work);
            for (int round = 1; round <= rounds; round++) {
                // A fresh session each round: the measured traffic never outlives the tokens' lifespan.
                String cookie = requirePage(appUrl, "/console",
                        CodeFlowLogin.sessionCookies(appUrl, "/console", "demo-consultant", "demo"), "id=\"welcome\"");
                String client = requirePage(appUrl, "/portal/briefings",
                        CodeFlowLogin.sessionCookies(appUrl, "/portal/briefings", "demo-client", "demo"), "class=\"briefing-card\"");
                Wrk.Result anonymous = Wrk.run(appUrl + "/", null, CONNECTIONS, seconds, work);
                Wrk.Result authenticated = Wrk.run(appUrl + "/console", cookie, CONNECTIONS, seconds, work);
                Wrk.Result myBriefings = Wrk.run(appUrl + "/portal/briefings", client, CONNECTIONS, seconds, work);
                non200 += anonymous.non200() + authenticated.non200() + myBriefings.non200();
                figures.anonymous.add(anonymous.requestsPerSecond());
                figures.authenticated.add(authenticated.requestsPerSecond());
                figures.ratios.add(authenticated.requestsPerSecond() / anonymous.requestsPerSecond());
                figures.myBriefings.add(myBriefings.requestsPerSecond());
                figures.myBriefingsRatios.add(myBriefings.requestsPerSecond() / anonymous.requestsPerSecond());
                System.out.printf(Locale.ROOT,
                        "pages round %d: anonymous %.0f/s, authenticated %.0f/s, my briefings %.0f/s (non-200: %d)%n",
                        round, anonymous.requestsPerSecond(), authenticated.requestsPerSecond(),
                        myBriefings.requestsPerSecond(), anonymous.non200() + authenticated.non200() + myBriefings.non200());
            }
        }
        return new PageFigures(figures.anonymous, figures.authenticated, figures.ratios, figures.myBriefings,
                figures.myBriefingsRatios, non200);
    }

    /**
     * Checks that the session opens the page, and returns the cookies a browser would send next: the
     * session plus the short-lived identity cookie the first page hands out (security/SessionMechanism).
     */
    private static String requirePage(String appUrl, String path, String cookie, String marker) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(appUrl + path))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains(marker)) {
            throw new IllegalStateException("The session cookie does not open " + path + ": " + page.statusCode());
        }
        return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hm_identity="))
                .map(c -> cookie + "; " + c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("No identity cookie from " + path));
    }

    private static String intro(int rounds, int seconds) {
        return """
                # Benchmarks

                Rerun with `bin/bench` (about 15 minutes; `BENCH_ROUNDS` and `BENCH_SECONDS` change the
                defaults of 5 rounds of 10 s, `BENCH_ONLY=` one of `web-shell`, `briefings`, `intake`, `triage` runs one
                section and keeps the others' last figures; `triage` adds about 12 minutes). It packages the app, starts it as
                production does (`java -Xmx256m -jar`, prod profile) against the embedded MariaDB,
                Keycloak and a GreenMail SMTP server, and measures each figure against a baseline in
                the same run: the two sides of every ratio run alternately, round by round, because
                the machine is shared and noisy and only ratios from one run compare. The disk's
                fsync is slow (a few ms per synchronous write), which bounds every committed write.
                """;
    }

    private static String webShellSection(StartupFigures startup, PageFigures pages, int rounds, int seconds) {
        String date = now();
        return """
                ## Web shell

                Measured %s on the project's 2-core machine, against a minimal Quarkus REST app (one
                GET endpoint, same Quarkus %s) that the harness generates and packages itself. Load
                comes from wrk on the same machine (2 threads, %d connections); any answer other than
                200, a redirect to Keycloak included, is counted.

                | measure | median | min - max | target | verdict |
                |---|---|---|---|---|
                | anonymous trivial page `/`, requests/s | %s | %s | | |
                | authenticated trivial page `/console`, requests/s | %s | %s | | |
                | authenticated / anonymous throughput | %s | %s | >= 0.85 | %s |
                | client's "My briefings" `/portal/briefings`, requests/s | %s | %s | | |
                | "My briefings" / anonymous throughput | %s | %s | >= 0.35 | %s |
                | time to first 200, Harmattan, ms | %s | %s | | |
                | time to first 200, minimal app, ms | %s | %s | | |
                | start-up, Harmattan / minimal | %s | | <= 2.0 | %s |
                | RSS after first request, Harmattan (`-Xmx256m`), MB | %s | %s | <= 300 | %s |
                | RSS after first request, minimal app, MB | %s | %s | | |

                Responses other than 200 during the page rounds: %d. Each page round signs in afresh
                (demo-consultant for `/console`, demo-client for `/portal/briefings`, whose organisation
                matches the seeded briefings) through Keycloak's login form (authorization-code flow with
                PKCE) and checks that each cookie opens its page before loading it. Start-up rounds: %d; page rounds: %d x %d s
                for each side, after a %d s warm-up.
                """.formatted(date, System.getProperty("quarkus.version", "3.30.6"), CONNECTIONS,
                fmt(median(pages.anonymous)), range(pages.anonymous),
                fmt(median(pages.authenticated)), range(pages.authenticated),
                ratio(median(pages.ratios)), ratioRange(pages.ratios), verdict(median(pages.ratios) >= 0.85),
                fmt(median(pages.myBriefings)), range(pages.myBriefings),
                ratio(median(pages.myBriefingsRatios)), ratioRange(pages.myBriefingsRatios),
                verdict(median(pages.myBriefingsRatios) >= 0.35),
                fmt(median(startup.appMillis)), range(startup.appMillis),
                fmt(median(startup.minimalMillis)), range(startup.minimalMillis),
                ratio(median(startup.appMillis) / median(startup.minimalMillis)),
                verdict(median(startup.appMillis) / median(startup.minimalMillis) <= 2.0),
                fmt(median(startup.appRss)), range(startup.appRss), verdict(median(startup.appRss) <= 300),
                fmt(median(startup.minimalRss)), range(startup.minimalRss),
                pages.non200, startup.appMillis.size(), rounds, seconds, seconds);
    }

    private static String intakeSection(IntakeBench.Figures intake, int rounds, int seconds) {
        String date = now();
        IntakeBench.Latency latency = intake.latency();
        return """
                ## Intake

                Measured %s. Committed leads per second, counted in the `lead` table before and after
                each run, at %d concurrent clients for %d s per side and round (%d rounds, after one
                warm-up run of the form):
                - **JDBC ceiling**: single-row committed `INSERT`s of a complete lead row over
                  plain JDBC, autocommit, one connection per client;
                - **form**: the real path a browser takes: `GET /interest` (page, one-time form token,
                  CSRF token), then `POST /interest` once the token is old enough not to look like a
                  bot (3.2 s; tokens are fetched ahead and replaced one for one, so every submission
                  costs one GET and one POST inside the measured time). Each lead also gets its
                  acknowledgement and triage mail through GreenMail, recorded on the lead;
                - **API**: `POST /api/v1/leads` with an API key and an Idempotency-Key.

                Every submission uses its own email, organisation and client address (`X-Forwarded-For`
                from the trusted loopback proxy), so the rate limits never interfere.

                | measure | median | min - max | target | verdict |
                |---|---|---|---|---|
                | JDBC ceiling, inserts/s | %s | %s | | |
                | form path, leads/s | %s | %s | | |
                | API, leads/s | %s | %s | | |
                | form / ceiling | %s | %s | >= 0.70 | %s |
                | API / ceiling | %s | %s | | |

                Failed submissions (anything but a redirect to the confirmation, or a 201): %d.

                Latency at half the form's maximum rate (%s submissions/s, open loop, %d submissions,
                each timed from when it was due):

                | measure | p50 ms | p99 ms | target | verdict |
                |---|---|---|---|---|
                | form POST | %s | %s | p99 < 100 | %s |
                | API POST | %s | %s | | |

                Failures during the latency run: %d.
                """.formatted(date, IntakeBench.CONCURRENCY, seconds, rounds,
                fmt(median(intake.ceiling())), range(intake.ceiling()),
                fmt(median(intake.form())), range(intake.form()),
                fmt(median(intake.api())), range(intake.api()),
                fine(median(intake.formRatios())), fine(min(intake.formRatios())) + " - " + fine(max(intake.formRatios())),
                verdict(median(intake.formRatios()) >= 0.7),
                fine(median(intake.apiRatios())), fine(min(intake.apiRatios())) + " - " + fine(max(intake.apiRatios())),
                intake.failures(), fmt(latency.rate()), latency.submissions(),
                ms(latency.formP50()), ms(latency.formP99()), verdict(latency.formP99() < 100),
                ms(latency.apiP50()), ms(latency.apiP99()), latency.failures());
    }

    /** Three decimals: intake ratios are small enough for two to read as zero. */
    private static String now() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    private static String fine(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String briefingsSection(MatchBench.Figures match) {
        String date = now();
        return """
                ## Briefings and matching

                Measured %s. One match = read a %d-character prospect text in English and French, combine
                it with declared tags (mining, Mali) and rank %,d published briefings (random countries and
                sectors, one in ten for all sectors), keeping the best %d with their reasons, as the API and
                the explorer do (%,d of the briefings match this prospect before that cut). Timed call by
                call in one JVM, %,d calls after 2,000 warm-up calls.

                | measure | median | p99 | max | target | verdict |
                |---|---|---|---|---|---|
                | one match against %,d briefings, ms | %s | %s | %s | < 5 (median and p99) | %s |

                The client's "My briefings" page is measured with the other pages (Web shell, above).
                """.formatted(date, MatchBench.TEXT.length(), match.briefings(), MatchBench.LIMIT, match.matched(),
                match.calls(), match.briefings(), ms(match.medianMicros() / 1000), ms(match.p99Micros() / 1000),
                ms(match.maxMicros() / 1000), verdict(match.medianMicros() < 5000 && match.p99Micros() < 5000));
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String range(List<Double> values) {
        return fmt(values.stream().mapToDouble(Double::doubleValue).min().orElse(0)) + " - "
                + fmt(values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static String ratioRange(List<Double> values) {
        return ratio(values.stream().mapToDouble(Double::doubleValue).min().orElse(0)) + " - "
                + ratio(values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }
}
