package io.harmattan.intake;

import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import io.harmattan.testing.Clients;
import io.harmattan.testing.Submissions;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/v1/leads as DESIGN.md specifies it, against the real database. */
@QuarkusTest
class LeadApiTest {

    private static final String DEV_KEY = "dev-only-api-key";

    /** A valid body, in French, with a phone number and the marketing opt-in declined. */
    private static Map<String, Object> body(String email) {
        return Submissions.apiBody(email, "phone", "+223 20 22 22 22", "language", "fr", "marketingOptIn", false);
    }

    private static RequestSpecification api() {
        return api(Submissions.anotherClient());
    }

    private static RequestSpecification api(String client) {
        return given().contentType(ContentType.JSON).header("X-Api-Key", DEV_KEY).header("X-Forwarded-For", client);
    }

    private static long leads(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Lead.count("email", email));
    }

    @Test
    void aValidLeadIsCreatedWithItsReferenceAndLocation() {
        String email = "api+" + UUID.randomUUID() + "@example.test";
        String reference = api().body(body(email)).post("/api/v1/leads")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/leads/RFI-\\d{4}-\\d{5,}"))
                .body("status", equalTo("received"))
                .extract().path("reference");
        Lead lead = QuarkusTransaction.requiringNew().call(() -> {
            Lead stored = Lead.byReference(reference).orElseThrow();
            stored.countries.size();
            return stored;
        });
        assertThat(lead.source).isEqualTo("api");
        assertThat(lead.language).isEqualTo("fr");
        assertThat(lead.countries).containsExactlyInAnyOrder("ML", "BF");
        assertThat(lead.status).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void codesInAnyCaseAreStoredAsTheReferenceTablesSpellThem() {
        String reference = Submissions.byApi(Clients.email("case"), "countries", List.of("ml", "Bf"), "sectors",
                List.of("MINING"), "services", List.of("Due-Diligence"));
        List<Set<String>> codes = QuarkusTransaction.requiringNew().call(() -> {
            Lead stored = Lead.byReference(reference).orElseThrow();
            return List.of(Set.copyOf(stored.countries), Set.copyOf(stored.sectors), Set.copyOf(stored.services));
        });
        assertThat(codes).containsExactly(Set.of("ML", "BF"), Set.of("mining"), Set.of("due-diligence"));
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyReturnsTheSameReferenceAndCreatesNothing() {
        String email = "replay+" + UUID.randomUUID() + "@example.test";
        String key = UUID.randomUUID().toString();
        String first = api().header("Idempotency-Key", key).body(body(email)).post("/api/v1/leads")
                .then().statusCode(201).extract().path("reference");
        for (int i = 0; i < 3; i++) {
            api().header("Idempotency-Key", key).body(body(email)).post("/api/v1/leads")
                    .then().statusCode(201).body("reference", equalTo(first));
        }
        // A replay answers as the first call did even when its body would not pass on its own.
        api().header("Idempotency-Key", key).body("{}").post("/api/v1/leads")
                .then().statusCode(201).body("reference", equalTo(first));
        assertThat(leads(email)).isEqualTo(1);
        String other = api().header("Idempotency-Key", UUID.randomUUID().toString()).body(body(email))
                .post("/api/v1/leads").then().statusCode(201).extract().path("reference");
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void invalidFieldsAnswer400WithOneErrorPerFieldAndStoreNothing() {
        String email = "not-an-email-" + UUID.randomUUID();
        Map<String, Object> body = body(email);
        body.put("name", "");
        body.put("countries", List.of());
        body.put("consent", false);
        body.put("language", "de");
        api().body(body).post("/api/v1/leads")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("errors.field", hasItems("name", "email", "countries", "consent", "language"));
        assertThat(leads(email)).isZero();
    }

    @Test
    void anAddressThatWouldBecomeMailtoParametersIsRefused() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String email : List.of("info?bcc=spy%40evil.test&x=" + tag + "@example.org", "a\"b" + tag + "@example.org",
                tag + "@localhost")) {
            api().body(body(email)).post("/api/v1/leads").then().statusCode(400).body("errors.field", hasItems("email"));
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> io.harmattan.lead.Lead.count("email like ?1",
                "%" + tag + "%"))).isZero();
    }

    @Test
    void anEmptyObjectOrANullCodeAnswers400AndStoresNothing() {
        api().body("{}").post("/api/v1/leads")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("errors.field", hasItems("name", "email", "organisation", "countries", "consent", "language"));
        String email = "nullcode+" + UUID.randomUUID() + "@example.test";
        Map<String, Object> nullCode = body(email);
        nullCode.put("sectors", java.util.Arrays.asList("mining", null));
        api().body(nullCode).post("/api/v1/leads")
                .then().statusCode(400).body("errors.field", hasItems("sectors/countries/services"));
        assertThat(leads(email)).isZero();
    }

    @Test
    void aMissingOrWrongKeyAnswers401() {
        String email = "nokey+" + UUID.randomUUID() + "@example.test";
        given().contentType(ContentType.JSON).body(body(email)).post("/api/v1/leads")
                .then().statusCode(401).body("error", equalTo("missing or invalid X-Api-Key"));
        given().contentType(ContentType.JSON).header("X-Api-Key", "guess").body(body(email)).post("/api/v1/leads")
                .then().statusCode(401);
        assertThat(leads(email)).isZero();
    }

    @Test
    void oversizeWrongTypeAndMalformedBodiesAreRefusedCleanly() {
        Map<String, Object> huge = body("huge+" + UUID.randomUUID() + "@example.test");
        huge.put("needs", "x".repeat(300_000));
        api().body(huge).post("/api/v1/leads").then().statusCode(413);
        given().header("X-Api-Key", DEV_KEY).contentType(ContentType.TEXT).body("name=x").post("/api/v1/leads")
                .then().statusCode(415).contentType(ContentType.JSON);
        api().body("{\"name\": ").post("/api/v1/leads").then().statusCode(400).contentType(ContentType.JSON);
        api().body("null").post("/api/v1/leads").then().statusCode(400).body("errors[0].field", equalTo("body"));
        // Well-formed JSON of the wrong shapes: each a clean 400, never a 500.
        for (String shape : List.of("[]", "\"text\"", "{\"sectors\": \"mining\"}", "{\"sectors\": [{\"code\": 1}]}",
                "{\"consent\": {}}", "{\"name\": [\"a\", \"b\"]}")) {
            api().body(shape).post("/api/v1/leads").then().statusCode(400).contentType(ContentType.JSON);
        }
    }

    @Test
    void theApiIsDocumentedInOpenApi() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/leads'.post.responses.'201'.description", equalTo("Stored and committed"));
    }

    /**
     * A partner website relays many prospects from one address: the API counts per key (its limit is
     * checked on the packaged app, TwoInstancesIT), so one address is not held to the form's 8 an hour.
     */
    @Test
    void theApiIsNotLimitedPerClientAddress() {
        String client = Submissions.anotherClient();
        for (int i = 0; i < 9; i++) {
            api(client).body(body("relay+" + UUID.randomUUID() + "@example.test")).post("/api/v1/leads")
                    .then().statusCode(201);
        }
    }

    @Test
    void oneEmailIsLimitedPerHourWhateverClientSendsIt() {
        String email = "busy+" + UUID.randomUUID() + "@example.test";
        for (int i = 0; i < 5; i++) {
            api().body(body(email)).post("/api/v1/leads").then().statusCode(201);
        }
        api().body(body(email.toUpperCase())).post("/api/v1/leads").then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"));
        assertThat(leads(email)).isEqualTo(5);
    }
}
