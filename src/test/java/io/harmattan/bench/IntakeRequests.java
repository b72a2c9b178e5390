package io.harmattan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One submission of each kind the intake benchmark sends, each with its own email, organisation
 * and client address, and the count of those that failed.
 */
final class IntakeRequests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    static final String NEEDS = "We run two gold permits near Kayes and a solar project in the Dosso region;"
            + " we need a security assessment of our road convoys and a monthly briefing.";

    private final String appUrl;
    private final String baselineUrl;
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> failureKinds = ConcurrentHashMap.newKeySet();

    IntakeRequests(String appUrl, String baselineUrl) {
        this.appUrl = appUrl;
        this.baselineUrl = baselineUrl;
    }

    long failures() {
        return failures.get();
    }

    /** What a browser keeps from the form page: the one-time token, the CSRF field and its cookie. */
    record FormPage(String token, String csrf, String csrfCookie, long fetchedAt) {
    }

    FormPage formPage(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/interest")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET /interest answered " + page.statusCode());
        }
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("GET /interest set no CSRF cookie"));
        return new FormPage(find(TOKEN, page.body()), find(CSRF, page.body()), cookie, System.nanoTime());
    }

    void postForm(HttpClient http, FormPage page) throws IOException, InterruptedException {
        long n = SEQUENCE.incrementAndGet();
        String body = String.join("&", "csrf-token=" + encode(page.csrf), "token=" + encode(page.token),
                "name=" + encode("Awa Traoré " + n), "email=" + encode("form-" + n + "@bench.example"),
                "organisation=" + encode("Form Mining " + n), "jobTitle=" + encode("Head of security"),
                "phone=", "sectors=mining", "sectors=energy", "countries=ML", "countries=BF",
                "services=risk-assessment", "timeframe=3-months", "needs=" + encode(NEEDS), "website=",
                "consent=true");
        HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/interest"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client(n))
                .header("Cookie", page.csrfCookie()).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 303 || !location.contains("/interest/received?reference=RFI-")) {
            failed("form POST answered " + posted.statusCode() + " " + location);
        }
    }

    void postApi(HttpClient http) throws IOException, InterruptedException {
        long n = SEQUENCE.incrementAndGet();
        String json = """
                {"name":"Moussa Diallo %d","email":"api-%d@bench.example","organisation":"Api Energy %d",
                 "jobTitle":"Country manager","sectors":["energy"],"countries":["NE"],"services":["due-diligence"],
                 "needs":"%s","language":"fr","consent":true,"marketingOptIn":false}""".formatted(n, n, n, NEEDS);
        HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/api/v1/leads"))
                .header("Content-Type", "application/json").header("X-Api-Key", IntakeBench.API_KEY)
                .header("Idempotency-Key", "bench-" + n).header("X-Forwarded-For", client(n))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
        if (posted.statusCode() != 201) {
            failed("API POST answered " + posted.statusCode());
        }
    }

    /** Counts a failed submission; each kind of failure is printed once, so a broken run says why. */
    void failed(String what) {
        failures.incrementAndGet();
        if (failureKinds.add(what.replaceAll("\\d{4,}", "#"))) {
            System.out.println("failed submission: " + what);
        }
    }

    /** The same-work baseline's form: one GET for the page and its CSRF token, one POST (one insert). */
    void postSameWork(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baselineUrl + "/form")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("GET /form set no CSRF cookie"));
        long n = SEQUENCE.incrementAndGet();
        String body = String.join("&", "csrf-token=" + encode(find(CSRF, page.body())),
                "name=" + encode("Awa Traoré " + n), "email=" + encode("baseline-" + n + "@bench.example"),
                "organisation=" + encode("Baseline Mining " + n), "needs=" + encode(NEEDS));
        HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(URI.create(baselineUrl + "/form"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (posted.statusCode() != 303) {
            failed("baseline POST answered " + posted.statusCode());
        }
    }

    /** A different client address per submission, so the per-client rate limit never interferes. */
    private static String client(long n) {
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("The form page has no " + pattern);
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
