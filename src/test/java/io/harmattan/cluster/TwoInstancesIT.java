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
        env.put("HARMATTAN_API_KEYS", "it-key");
        Map<String, String> firstEnv = new LinkedHashMap<>(env);
        firstEnv.put("HARMATTAN_SECURE_COOKIES", "false");
        firstEnv.put("HARMATTAN_MANAGEMENT_PORT", Integer.toString(FreePort.find()));
        first = AppProcess.start(JAR.toAbsolutePath(), stack.appPort, firstEnv, "/", logs.resolve("first.log"));
        int secondPort = FreePort.find();
        int secondManagement = FreePort.find();
        Map<String, String> secondEnv = new LinkedHashMap<>(env);
        secondEnv.put("HARMATTAN_MANAGEMENT_PORT", Integer.toString(secondManagement));
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
    void healthAndOpenApiAnswerOnlyOnTheManagementPort() {
        assertThat(given().baseUri(secondUrl).get("/q/health/ready").statusCode()).isEqualTo(404);
        assertThat(given().baseUri(secondUrl).get("/q/openapi").statusCode()).isEqualTo(404);
        assertThat(given().baseUri(secondManagementUrl).get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(given().baseUri(secondManagementUrl).get("/q/openapi").statusCode()).isEqualTo(200);
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
