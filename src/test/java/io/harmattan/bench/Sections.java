package io.harmattan.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The sections of docs/benchmarks.md, written from one run's figures. */
final class Sections {

    private Sections() {
    }

    static String intro(int rounds, int seconds) {
        return """
                # Benchmarks

                Rerun with `bin/bench` (about 50 minutes; `BENCH_ROUNDS` and `BENCH_SECONDS` change the
                defaults of 5 rounds of 10 s, `BENCH_ONLY=` one of `web-shell`, `briefings`, `intake`, `triage` runs one
                section and keeps the others' last figures; `triage` takes about 35 minutes, 16 of them generating the million leads). It packages the app, starts it as
                production does (`java -Xmx256m -jar`, prod profile) against the embedded MariaDB,
                Keycloak and a GreenMail SMTP server, and measures each figure against a baseline in
                the same run: the two sides of every ratio run alternately, round by round, because
                the machine is shared and noisy and only ratios from one run compare. The disk's
                fsync is slow (a few ms per synchronous write), which bounds every committed write.
                """;
    }

    static String webShell(Benchmarks.StartupFigures startup, Benchmarks.PageFigures pages, int rounds, int seconds) {
        String date = now();
        return """
                ## Web shell

                Measured %s on the project's 2-core machine, against two apps of the same Quarkus (%s)
                that the harness generates and packages itself: a minimal REST app (one GET endpoint),
                and a same-work baseline with Harmattan's extensions (Hibernate ORM with Panache, Flyway
                with one migration, the MySQL driver, OIDC against the same Keycloak, Qute, CSRF) that
                serves a Qute form and stores each POST with one insert. Load
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
                | time to first 200, same-work baseline, ms | %s | %s | | |
                | start-up, Harmattan / same-work baseline | %s | | <= 1.5 | %s |
                | RSS after first request, Harmattan (`-Xmx256m`), MB | %s | %s | <= 300 | %s |
                | RSS after first request, minimal app, MB | %s | %s | | |

                Responses other than 200 during the page rounds: %d. Each page round signs in afresh
                (demo-consultant for `/console`, demo-client for `/portal/briefings`, whose organisation
                matches the seeded briefings) through Keycloak's login form (authorization-code flow with
                PKCE) and checks that each cookie opens its page before loading it. Start-up rounds: %d; page rounds: %d x %d s
                for each side, after a %d s warm-up.
                """.formatted(date, System.getProperty("quarkus.version", "3.33.2"), Benchmarks.CONNECTIONS,
                fmt(median(pages.anonymous())), range(pages.anonymous()),
                fmt(median(pages.authenticated())), range(pages.authenticated()),
                ratio(median(pages.ratios())), ratioRange(pages.ratios()), verdict(median(pages.ratios()) >= 0.85),
                fmt(median(pages.myBriefings())), range(pages.myBriefings()),
                ratio(median(pages.myBriefingsRatios())), ratioRange(pages.myBriefingsRatios()),
                verdict(median(pages.myBriefingsRatios()) >= 0.35),
                fmt(median(startup.appMillis())), range(startup.appMillis()),
                fmt(median(startup.minimalMillis())), range(startup.minimalMillis()),
                ratio(median(startup.appMillis()) / median(startup.minimalMillis())),
                verdict(median(startup.appMillis()) / median(startup.minimalMillis()) <= 2.0),
                fmt(median(startup.sameWorkMillis())), range(startup.sameWorkMillis()),
                ratio(median(startup.appMillis()) / median(startup.sameWorkMillis())),
                verdict(median(startup.appMillis()) / median(startup.sameWorkMillis()) <= 1.5),
                fmt(median(startup.appRss())), range(startup.appRss()), verdict(median(startup.appRss()) <= 300),
                fmt(median(startup.minimalRss())), range(startup.minimalRss()),
                pages.non200(), startup.appMillis().size(), rounds, seconds, seconds);
    }

    static String intake(IntakeBench.Figures intake, int rounds, int seconds) {
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
                - **API**: `POST /api/v1/leads` with an API key and an Idempotency-Key;
                - **same-work baseline**: a minimal app of the same Quarkus with the same extensions
                  (generated by the harness, `SameWorkApp`): `GET /form` (a Qute page with a CSRF
                  token), then `POST /form`, stored with one Panache insert, then a redirect; rows
                  counted in its own table on the same MariaDB server.

                Every submission uses its own email, organisation and client address (`X-Forwarded-For`
                from the trusted loopback proxy), so the rate limits never interfere.

                | measure | median | min - max | target | verdict |
                |---|---|---|---|---|
                | JDBC ceiling, inserts/s | %s | %s | | |
                | form path, leads/s | %s | %s | | |
                | API, leads/s | %s | %s | | |
                | form / ceiling | %s | %s | >= 0.70 | %s |
                | API / ceiling | %s | %s | | |
                | same-work baseline, submissions/s | %s | %s | | |
                | form / same-work baseline | %s | %s | >= 0.50 | %s |

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
                fmt(median(intake.sameWork())), range(intake.sameWork()),
                fine(median(intake.sameWorkRatios())),
                fine(min(intake.sameWorkRatios())) + " - " + fine(max(intake.sameWorkRatios())),
                verdict(median(intake.sameWorkRatios()) >= 0.5),
                intake.failures(), fmt(latency.rate()), latency.submissions(),
                ms(latency.formP50()), ms(latency.formP99()), verdict(latency.formP99() < 100),
                ms(latency.apiP50()), ms(latency.apiP99()), latency.failures());
    }

    /** Three decimals: intake ratios are small enough for two to read as zero. */
    static String now() {
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

    static String briefings(MatchBench.Figures match) {
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

                The client's "My briefings" page with the seeded briefings is measured with the other pages
                (Web shell, above); below, with 10,000.
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
