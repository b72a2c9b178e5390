package io.harmattan.reliability;

import io.harmattan.intake.FormToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A steady load of requests for interest through the balancer, half by the public form and half by
 * the API, each with an email of its own. A submission that is refused or gets no answer is sent
 * again after a second, as a person or a partner's website would, with the same form token or
 * Idempotency-Key, until it is acknowledged (the confirmation page or a 201) or the load stops.
 * Every answer that is not an acknowledgement is counted, and checked to be a clear error: a page
 * or JSON with a message, and Retry-After on a 503 or 429; never a blank page or a stack trace.
 */
final class Load implements AutoCloseable {

    private static final Pattern REFERENCE = Pattern.compile("RFI-\\d{4}-\\d{5,}");
    static final String API_KEY = "fault-suite-key";

    /** One submission the sender saw acknowledged. */
    record Ack(String email, String reference, String channel, Instant at) {
    }

    private final String url;
    private final String prefix;
    private final FormToken tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Duration pause;
    final Queue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
    final AtomicInteger submissions = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger failedRequests = new AtomicInteger();
    final AtomicInteger unansweredRequests = new AtomicInteger();
    /** The longest time any request took to be answered, in ms. */
    final java.util.concurrent.atomic.AtomicLong slowest = new java.util.concurrent.atomic.AtomicLong();
    /** How long each acknowledged request took, in ms. */
    final Queue<Long> ackMillis = new ConcurrentLinkedQueue<>();
    /** Failed answers that were not a clear error (blank, stack trace, no Retry-After): must stay empty. */
    final Queue<String> unclearErrors = new ConcurrentLinkedQueue<>();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private volatile Instant firstFailure;
    private volatile Instant lastFailure;

    /** {@code senders} threads, each sending one submission then pausing {@code pause}. */
    Load(String url, String prefix, String formSecret, int senders, Duration pause) {
        this.url = url;
        this.prefix = prefix;
        this.tokens = new FormToken(formSecret);
        this.pause = pause;
        for (int i = 0; i < senders; i++) {
            boolean form = i % 2 == 0;
            Thread thread = new Thread(() -> send(form), prefix + "-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    Load start() {
        threads.forEach(Thread::start);
        return this;
    }

    /** Stops sending new submissions and lets each thread finish (or give up) the one it is on. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(90).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** From {@code restored} (the fault ended) to the first acknowledgement after it; null if none came. */
    Duration recoveryAfter(Instant restored) {
        return acknowledged.stream().map(Ack::at).filter(at -> at.isAfter(restored)).min(Instant::compareTo)
                .map(first -> Duration.between(restored, first)).orElse(null);
    }

    long percentileAckMillis(double percentile) {
        List<Long> sorted = ackMillis.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile * sorted.size()) - 1));
    }

    /** How long clients saw failures: first to last failed request; zero if none failed. */
    Duration failureWindow() {
        return firstFailure == null ? Duration.ZERO : Duration.between(firstFailure, lastFailure);
    }

    String statusCounts() {
        return statuses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining(", "));
    }

    private void send(boolean form) {
        String csrf = null;
        while (running.get()) {
            String email = (prefix + "-" + submissions.incrementAndGet() + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + "@load.example").toLowerCase();
            String once = form ? tokens.issue(Instant.now().minusSeconds(30)) : java.util.UUID.randomUUID().toString();
            // From an address of its own (as the balancer reports it): the form's per-address limit is not under test here.
            String address = "10.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(256),
                    ThreadLocalRandom.current().nextInt(256), ThreadLocalRandom.current().nextInt(1, 255));
            // Sends again (same token or key) until acknowledged; a person would give up after a while.
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(120));
            Instant stopped = null;
            while (Instant.now().isBefore(giveUp)) {
                // Once the load is told to stop, a submission still being refused gets 20 s more, then is abandoned
                // (never acknowledged, so never counted as lost).
                if (!running.get()) {
                    stopped = stopped == null ? Instant.now() : stopped;
                    if (Duration.between(stopped, Instant.now()).toSeconds() > 20) {
                        break;
                    }
                }
                if (form && csrf == null) {
                    csrf = csrfToken();
                    if (csrf == null) {
                        sleep(1000);
                        continue;
                    }
                }
                String reference = form ? postForm(email, once, csrf, address) : postApi(email, once, address);
                if (reference != null) {
                    acknowledged.add(new Ack(email, reference, form ? "form" : "api", Instant.now()));
                    break;
                }
                sleep(1000);
            }
            if (running.get()) {
                sleep(pause.toMillis());
            }
        }
    }

    private String csrfToken() {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url + "/interest"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return page.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("csrf-token="))
                    .map(cookie -> cookie.substring("csrf-token=".length(), cookie.indexOf(';'))).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String postForm(String email, String token, String csrf, String address) {
        String body = form(Map.of("csrf-token", csrf, "token", token, "name", "Aminata Traoré", "email", email,
                "organisation", "Sahel Load Mining", "jobTitle", "Security manager", "sectors", "mining", "countries", "ML",
                "services", "risk-assessment")) + "&timeframe=now&consent=true&needs=Site+security+review+near+Kayes.";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/interest")).timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "csrf-token=" + csrf)
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return exchange(request, 303, response -> response.headers().firstValue("Location").orElse(""));
    }

    private String postApi(String email, String key, String address) {
        String body = """
                {"name": "Moussa Ouédraogo", "email": "%s", "organisation": "Faso Load Energy", "jobTitle": "Director",
                 "sectors": ["energy"], "countries": ["BF"], "services": ["due-diligence"],
                 "needs": "Solar plant partners near Ouagadougou.", "language": "fr", "consent": true}""".formatted(email);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/leads")).timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json").header("X-Api-Key", API_KEY).header("Idempotency-Key", key)
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return exchange(request, 201, HttpResponse::body);
    }

    /** The reference when acknowledged; null after counting (and checking) anything else. */
    private String exchange(HttpRequest request, int success, java.util.function.Function<HttpResponse<String>, String> where) {
        requests.incrementAndGet();
        HttpResponse<String> response;
        long start = System.nanoTime();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
            slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
        } catch (IOException e) {
            failed();
            unansweredRequests.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        statuses.computeIfAbsent(response.statusCode(), status -> new AtomicInteger()).incrementAndGet();
        if (response.statusCode() == success) {
            Matcher reference = REFERENCE.matcher(where.apply(response));
            if (reference.find()) {
                ackMillis.add((System.nanoTime() - start) / 1_000_000);
                return reference.group();
            }
        }
        failed();
        String body = response.body() == null ? "" : response.body();
        // A refusal under a fault is a 503 (or the balancer's 502/504, or a 429), always with Retry-After and a
        // message; a 500 or a blank page is not a clear answer.
        int status = response.statusCode();
        boolean clear = (status == 503 || status == 502 || status == 504 || status == 429)
                && response.headers().firstValue("Retry-After").isPresent()
                && !body.isBlank() && !body.contains("Exception") && !body.contains("\tat ");
        if (!clear) {
            unclearErrors.add(response.statusCode() + " " + request.uri().getPath() + ": "
                    + body.substring(0, Math.min(200, body.length())));
        }
        return null;
    }

    private synchronized void failed() {
        failedRequests.incrementAndGet();
        lastFailure = Instant.now();
        if (firstFailure == null) {
            firstFailure = lastFailure;
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
