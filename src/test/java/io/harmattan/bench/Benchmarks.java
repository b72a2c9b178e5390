package io.harmattan.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.harmattan.stack.AppProcess;
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

    static final int CONNECTIONS = 16;

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
        String quarkusVersion = System.getProperty("quarkus.version", "3.33.2");
        Path minimalJar = MinimalApp.build(work.resolve("minimal"), quarkusVersion);
        Path sameWorkJar = SameWorkApp.build(work.resolve("same-work"), quarkusVersion, basedir.resolve("src/build/repository"));

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
                        FreePort.find(), data.resolve("keycloak"), StackEnv.realm(appUrl, FreePort.find()))) {
            Map<String, String> env = new LinkedHashMap<>();
            env.putAll(StackEnv.database(db));
            env.putAll(StackEnv.keycloak(keycloak.url()));
            env.put("HARMATTAN_PUBLIC_URL", appUrl);
            env.put("HARMATTAN_SECURE_COOKIES", "false");
            // The generated leads go back five years: the retention job would anonymise them while the bench measures.
            env.put("HARMATTAN_RETENTION_EVERY", "off");
            env.put("HARMATTAN_MANAGEMENT_PORT", Integer.toString(FreePort.find()));

            env.put("HARMATTAN_API_KEYS", IntakeBench.API_KEY);
            env.putAll(StackEnv.mail(mail.getSmtp().getPort()));
            Path report = basedir.resolve("docs/benchmarks.md");
            Report.replaceSection(report, "intro", Sections.intro(rounds, seconds));
            if (selected("web-shell")) {
                StartupFigures startup = measureStartup(harmattanJar, minimalJar, sameWorkJar, env, appPort, work, rounds);
                // The app has created the schema; add the demo organisation and the seeded briefings, which
                // the production build does not carry, so that "My briefings" has something to show.
                db.source("db/demo/R__demo_data.sql");
                db.source("db/demo/R__demo_briefings.sql");
                PageFigures pages = measurePages(harmattanJar, env, appPort, appUrl, work, rounds, seconds);
                Report.replaceSection(report, "web-shell", Sections.webShell(startup, pages, rounds, seconds));
            }
            if (selected("briefings")) {
                MatchBench.Figures match = MatchBench.measure(5_000);
                try (AppProcess app = AppProcess.start(harmattanJar, appPort, env, "/", work.resolve("app-briefings.log"))) {
                    db.source("db/demo/R__demo_data.sql");
                    BriefingSearchBench search = new BriefingSearchBench(db);
                    System.out.println("Generating " + BriefingSearchBench.BRIEFINGS + " briefings ...");
                    double generation = search.generate();
                    String client = requirePage(appUrl, "/portal/briefings",
                            CodeFlowLogin.sessionCookies(appUrl, "/portal/briefings", "demo-client", "demo"),
                            "class=\"briefing-card\"");
                    String consultant = requirePage(appUrl, "/console",
                            CodeFlowLogin.sessionCookies(appUrl, "/console", "demo-consultant", "demo"), "id=\"welcome\"");
                    BriefingSearchBench.Figures figures = search.measure(appUrl, client, consultant, generation,
                            Integer.getInteger("bench.briefings.requests", 200));
                    Report.replaceSection(report, "briefings", Sections.briefings(match)
                            + "\n" + BriefingSearchBench.section(figures, Sections.now()));
                }
            }
            if (selected("intake")) {
                int baselinePort = FreePort.find();
                try (AppProcess app = AppProcess.start(harmattanJar, appPort, env, "/", work.resolve("app-intake.log"));
                        AppProcess baseline = AppProcess.start(sameWorkJar, baselinePort, SameWorkApp.env(env), "/",
                                work.resolve("same-work-intake.log"))) {
                    IntakeBench.Figures intake = new IntakeBench(appUrl.replace("localhost", "127.0.0.1"),
                            "http://127.0.0.1:" + baselinePort, db).measure(rounds, seconds);
                    Report.replaceSection(report, "intake", Sections.intake(intake, rounds, seconds));
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
                    Report.replaceSection(report, "triage", TriageBench.section(figures, Sections.now()));
                }
            }
            if (selected("proposals")) {
                try (AppProcess app = AppProcess.start(harmattanJar, appPort, env, "/", work.resolve("app-proposals.log"))) {
                    db.source("db/demo/R__demo_data.sql");
                    ProposalBench bench = new ProposalBench(db);
                    long draft = bench.seed();
                    String consultant = requirePage(appUrl, "/console",
                            CodeFlowLogin.sessionCookies(appUrl, "/console", "demo-consultant", "demo"), "id=\"welcome\"");
                    String client = requirePage(appUrl, "/portal/proposals",
                            CodeFlowLogin.sessionCookies(appUrl, "/portal/proposals", "demo-client", "demo"),
                            "class=\"briefing-card\"");
                    ProposalBench.Figures figures = bench.measure(appUrl, consultant, client, draft, rounds, seconds, work);
                    Report.replaceSection(report, "proposals", ProposalBench.section(figures, rounds, seconds, Sections.now()));
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

    record StartupFigures(List<Double> appMillis, List<Double> minimalMillis, List<Double> sameWorkMillis,
            List<Double> appRss, List<Double> minimalRss) {
    }

    record PageFigures(List<Double> anonymous, List<Double> authenticated, List<Double> ratios, List<Double> myBriefings,
            List<Double> myBriefingsRatios, long non200) {
    }

    private static StartupFigures measureStartup(Path appJar, Path minimalJar, Path sameWorkJar, Map<String, String> env,
            int port, Path work, int rounds) throws Exception {
        StartupFigures figures = new StartupFigures(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            try (AppProcess app = AppProcess.start(appJar, port, env, "/", work.resolve("app-startup.log"))) {
                figures.appMillis.add((double) app.millisToFirstResponse);
                figures.appRss.add(app.rssMegabytes());
            }
            try (AppProcess minimal = AppProcess.start(minimalJar, port, Map.of(), "/", work.resolve("minimal-startup.log"))) {
                figures.minimalMillis.add((double) minimal.millisToFirstResponse);
                figures.minimalRss.add(minimal.rssMegabytes());
            }
            try (AppProcess sameWork = AppProcess.start(sameWorkJar, port, SameWorkApp.env(env), "/",
                    work.resolve("same-work-startup.log"))) {
                figures.sameWorkMillis.add((double) sameWork.millisToFirstResponse);
            }
            System.out.printf(Locale.ROOT, "start-up round %d: app %.0f ms %.0f MB, minimal %.0f ms %.0f MB, same-work %.0f ms%n",
                    round, last(figures.appMillis), last(figures.appRss), last(figures.minimalMillis), last(figures.minimalRss),
                    last(figures.sameWorkMillis));
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

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }
}
