package io.harmattan.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.harmattan.ops.BusinessMetrics;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.Submissions;
import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator reads: health (ready, live, well), Prometheus metrics with the business counters, clean 503s. */
@QuarkusTest
class OperationsTest {

    @Inject
    BusinessMetrics businessMetrics;

    @Test
    void readinessHasTheDatabaseAndTheJobStoreAndWellnessTheOptionalServers() {
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Job store"))
                .body("checks.find { it.name == 'Job store' }.data.clustered", equalTo(true))
                .body("checks.name", not(hasItems("Keycloak")));
        given().get("/q/health/well").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Keycloak", "Mail relay"));
    }

    @Test
    void aMailRelayDownIsReportedButLeavesTheInstanceReady() {
        TestStack.get().withMailStopped(() -> {
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'Mail relay' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Mail relay' }.data.fatal", equalTo(false));
        });
    }

    @Test
    void metricsCountLeadsByOutcomeAndSource() {
        double storedBefore = metric("harmattan_leads_total", "outcome=\"stored\",source=\"api\"");
        double invalidBefore = metric("harmattan_leads_total", "outcome=\"invalid\",source=\"api\"");
        Submissions.byApi("metrics+" + UUID.randomUUID() + "@example.test");
        Submissions.api().body(Submissions.apiBody("not an address")).post("/api/v1/leads").then().statusCode(400);
        assertThat(metric("harmattan_leads_total", "outcome=\"stored\",source=\"api\"")).isEqualTo(storedBefore + 1);
        assertThat(metric("harmattan_leads_total", "outcome=\"invalid\",source=\"api\"")).isEqualTo(invalidBefore + 1);
    }

    @Test
    void metricsShowMailProposalsHttpRoutesAndThePool() throws Exception {
        double sentBefore = metric("harmattan_mails_sent_total", "kind=\"lead\"");
        Submissions.byApi("gauge+" + UUID.randomUUID() + "@example.test");
        businessMetrics.refresh();
        String metrics = metrics();
        assertThat(metrics).contains("harmattan_mails_pending{kind=\"lead\"}", "harmattan_mails_pending{kind=\"outbox\"}",
                "harmattan_mails_given_up{kind=\"lead\"}", "harmattan_mails_oldest_pending_seconds{kind=\"outbox\"}",
                "harmattan_proposals{state=\"draft\"}", "harmattan_proposals{state=\"accepted\"}");
        // Timings by route template, never by the concrete path.
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/leads\"")
                .contains("agroal_active_count");
        // The lead's acknowledgement goes out: the sent counter moves.
        double sent = Eventually.until(() -> metric("harmattan_mails_sent_total", "kind=\"lead\""), value -> value > sentBefore);
        assertThat(sent).isGreaterThan(sentBefore);
    }

    @Test
    void theDatabaseUnavailableIsA503WithRetryAfterInTheVisitorsLanguageOrJson() {
        given().header("Accept-Language", "fr").get("/test-probe/unavailable").then().statusCode(503)
                .header("Retry-After", "10").body(containsString("Service momentanément indisponible"))
                .body(not(containsString("08001"))).body(not(containsString("Exception")));
        given().get("/api/test-probe/unavailable").then().statusCode(503).header("Retry-After", "10")
                .contentType("application/json").body("error", equalTo("service temporarily unavailable; retry later"));
    }

    @Test
    void badBodiesAreRefusedInTheEndpointsOwnFormat() {
        String tooLong = "x".repeat(300 * 1024);
        given().contentType("application/x-www-form-urlencoded").body("needs=" + tooLong).post("/interest").then()
                .statusCode(413).contentType(containsString("text/html")).body(containsString("Envoi trop volumineux"));
        given().contentType("application/json").header("X-Api-Key", Submissions.API_KEY).body("{\"needs\": \"" + tooLong + "\"}")
                .post("/api/v1/leads").then().statusCode(413).contentType("application/json")
                .body("error", containsString("larger than 256 KB"));
        given().contentType("application/json").body("{}").post("/interest").then().statusCode(415)
                .contentType(containsString("text/html")).body(containsString("Request refused"));
        given().contentType("application/x-www-form-urlencoded").body("name=%C3%28&email=%ZZ").post("/interest").then()
                .statusCode(400).contentType(containsString("text/html")).body(not(containsString("Exception")));
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** One sample's value, 0 when it has not been recorded yet. */
    static double metric(String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "[^}]*} (\\S+)$")
                .matcher(metrics());
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0.0;
    }
}
