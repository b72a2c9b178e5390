package io.harmattan.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.stack.AppProcess;
import io.harmattan.stack.FreePort;
import io.harmattan.testing.CodeFlowLogin;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.TestStack;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application as production runs it (prod profile, java -jar, -Xmx256m), twice, on
 * one database and one Keycloak: a session works on either instance, a sign-out on one is refused
 * on the other, and production-only settings hold (the management port, Secure cookies).
 */
class TwoInstancesIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static AppProcess first;
    private static AppProcess second;
    private static String firstUrl;
    private static String secondUrl;
    private static String secondManagementUrl;

    @BeforeAll
    static void start() throws Exception {
        TestStack stack = TestStack.get();
        Path logs = Files.createDirectories(Path.of("target/failsafe-logs"));
        Map<String, String> env = new LinkedHashMap<>(stack.appConfig());
        env.remove("quarkus.http.test-port");
        // The realm's redirect URIs and back-channel logout name the first instance, as they would the balancer.
        firstUrl = stack.appUrl();
        env.put("HARMATTAN_API_KEYS", "it-key,partner-key");
        env.put("HARMATTAN_API_KEY_LIMIT_PER_HOUR", "3");
        Map<String, String> firstEnv = new LinkedHashMap<>(env);
        firstEnv.put("HARMATTAN_SECURE_COOKIES", "false");
        firstEnv.put("HARMATTAN_MANAGEMENT_PORT", Integer.toString(FreePort.find()));
        first = AppProcess.start(JAR.toAbsolutePath(), stack.appPort, firstEnv, "/", logs.resolve("first.log"));
        int secondPort = FreePort.find();
        int secondManagement = FreePort.find();
        Map<String, String> secondEnv = new LinkedHashMap<>(env);
        secondEnv.put("HARMATTAN_MANAGEMENT_PORT", Integer.toString(secondManagement));
        secondEnv.put("HARMATTAN_LOG_JSON", "true");
        second = AppProcess.start(JAR.toAbsolutePath(), secondPort, secondEnv, "/", logs.resolve("second.log"));
        secondUrl = "http://localhost:" + secondPort;
        secondManagementUrl = "http://localhost:" + secondManagement;
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static Response get(String base, String path, String cookies) {
        return given().baseUri(base).redirects().follow(false).header("Cookie", cookies).get(path);
    }

    @Test
    void aSessionWorksOnEitherInstanceAndASignOutOnOneIsRefusedOnTheOther() throws Exception {
        String session = CodeFlowLogin.sessionCookies(firstUrl, "/console", "demo-consultant", "demo");
        Response onSecond = get(secondUrl, "/console", session);
        assertThat(onSecond.statusCode()).as("the session cookie is the whole session").isEqualTo(200);
        String copied = session + "; hm_identity=" + onSecond.getCookie("hm_identity");
        assertThat(get(secondUrl, "/console", copied).statusCode()).isEqualTo(200);
        assertThat(get(firstUrl, "/console", copied).statusCode()).isEqualTo(200);

        Response page = get(firstUrl, "/console", session);
        Matcher csrf = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        Matcher bound = Pattern.compile("name=\"csrf-session\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(csrf.find() && bound.find()).as("the sign-out form's tokens").isTrue();
        Response signOut = given().baseUri(firstUrl).redirects().follow(false)
                .header("Cookie", session + "; csrf-token=" + page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.group(1))
                .formParam("csrf-session", bound.group(1)).post("/logout");
        assertThat(signOut.statusCode()).isEqualTo(303);

        assertThat(get(firstUrl, "/console", copied).statusCode()).as("at once on the instance signed out of").isEqualTo(302);
        // The other instance reads the shared record within about a second.
        long signedOutAt = System.nanoTime();
        int onOther = Eventually.until(() -> get(secondUrl, "/console", copied).statusCode(), status -> status == 302);
        assertThat(onOther).isEqualTo(302);
        System.out.printf("The other instance refused the signed-out cookie after %d ms%n", (System.nanoTime() - signedOutAt) / 1_000_000);
        assertThat(get(secondUrl, "/console", session).statusCode()).isEqualTo(302);
    }

    @Test
    void healthMetricsAndOpenApiAnswerOnlyOnTheManagementPort() throws InterruptedException {
        // A page served by this instance, so that the request timer exists whatever ran before.
        assertThat(given().baseUri(secondUrl).get("/").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/openapi", "/q/metrics"}) {
            assertThat(given().baseUri(secondUrl).get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(given().baseUri(secondManagementUrl).get(path).statusCode()).as(path).isEqualTo(200);
        }
        String metrics = Eventually.until(() -> given().baseUri(secondManagementUrl).get("/q/metrics").asString(),
                text -> text.contains("http_server_requests_seconds"));
        assertThat(metrics).contains("harmattan_leads_total",
                "harmattan_mails_pending", "harmattan_proposals", "http_server_requests_seconds");
    }

    @Test
    void theApiIsLimitedPerKeyWhateverAddressRelays() {
        for (int i = 0; i < 3; i++) {
            lead("partner-key", "10.9.0." + (i + 1)).then().statusCode(201);
        }
        Response limited = lead("partner-key", "10.9.0.9");
        assertThat(limited.statusCode()).as("the key's budget of 3 is spent, from any address").isEqualTo(429);
        assertThat(limited.header("Retry-After")).matches("\\d+");
        lead("it-key", "10.9.0.9").then().statusCode(201);
    }

    private static Response lead(String key, String address) {
        String body = """
                {"name": "Relay Test", "email": "relay+%s@example.test", "organisation": "Partner relay", "jobTitle": "Analyst",
                 "sectors": ["mining"], "countries": ["ML"], "services": ["risk-assessment"], "needs": "A relayed request.",
                 "language": "en", "consent": true}""".formatted(java.util.UUID.randomUUID());
        return given().baseUri(secondUrl).contentType("application/json").header("X-Api-Key", key)
                .header("X-Forwarded-For", address).body(body).post("/api/v1/leads");
    }

    @Test
    void eachRequestIsOneLogLineAndJsonLogsGiveItsFiguresAsFields() throws Exception {
        given().baseUri(secondUrl).get("/interest").then().statusCode(200);
        given().baseUri(firstUrl).get("/interest").then().statusCode(200);
        String json = Eventually.until(() -> read(Path.of("target/failsafe-logs/second.log")),
                log -> log.contains("\"route\":\"/interest\""));
        assertThat(json.lines().filter(line -> line.contains("\"route\":\"/interest\"")).findFirst().orElseThrow())
                .startsWith("{").contains("\"loggerName\":\"io.harmattan.access\"", "\"status\":\"200\"", "\"millis\":");
        String plain = Eventually.until(() -> read(Path.of("target/failsafe-logs/first.log")),
                log -> log.contains("GET /interest 200"));
        assertThat(plain).containsPattern("GET /interest 200 \\d+ ms route=/interest");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void productionCookiesAreSecureEvenWhenTheRequestLooksPlain() {
        Response form = given().baseUri(secondUrl).get("/interest");
        String csrf = form.headers().getValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("csrf-token="))
                .findFirst().orElseThrow();
        assertThat(csrf).contains("Secure", "SameSite=Lax").containsIgnoringCase("HttpOnly");
        String language = given().baseUri(secondUrl).redirects().follow(false).queryParam("return", "/").get("/language/fr")
                .headers().getValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("lang=")).findFirst().orElseThrow();
        assertThat(language).contains("Secure", "SameSite=Lax");
    }
}
