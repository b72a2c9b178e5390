package io.harmattan.testing;

import static io.restassured.RestAssured.given;

import io.harmattan.intake.FormToken;
import io.harmattan.lead.Lead;
import io.harmattan.stack.StackEnv;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Requests for interest sent the way prospects and the firm's websites send them, for tests that need a lead. */
public final class Submissions {

    public static final String API_KEY = "dev-only-api-key";

    private Submissions() {
    }

    /** A client address of its own (as the trusted proxy reports it), so that rate limits count each test apart. */
    public static String anotherClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** The web-to-lead API with the dev key, from a client of its own. */
    public static RequestSpecification api() {
        return given().contentType(ContentType.JSON).header("X-Api-Key", API_KEY).header("X-Forwarded-For", anotherClient());
    }

    /** A valid API body; {@code changes} are name, value pairs that replace or add fields. */
    public static Map<String, Object> apiBody(String email, Object... changes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Fatoumata Diallo");
        body.put("email", email);
        body.put("organisation", "Banque du Sahel " + ThreadLocalRandom.current().nextInt(1_000_000));
        body.put("jobTitle", "Chief risk officer");
        body.put("sectors", List.of("finance"));
        body.put("countries", List.of("ML", "BF"));
        body.put("services", List.of("due-diligence"));
        body.put("needs", "Counterparty due diligence in Bamako and Ouagadougou.");
        body.put("language", "en");
        body.put("consent", true);
        for (int i = 0; i < changes.length; i += 2) {
            body.put((String) changes[i], changes[i + 1]);
        }
        return body;
    }

    /** Through the API; returns the lead's reference. */
    public static String byApi(String email, Object... changes) {
        return api().body(apiBody(email, changes)).post("/api/v1/leads").then().statusCode(201).extract().path("reference");
    }

    /**
     * Through the public form, as a person who opened it a minute ago; {@code changes} are form
     * field, value pairs added to a valid submission. Returns the reference shown on the receipt.
     */
    public static String byForm(String email, String language, String... changes) {
        Response page = given().header("Accept-Language", language).get("/interest");
        RequestSpecification request = given().redirects().follow(false).header("Accept-Language", language)
                .header("X-Forwarded-For", anotherClient())
                .cookie("csrf-token", page.cookie("csrf-token"))
                .formParam("csrf-token", page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"))
                .formParam("token", new FormToken(StackEnv.DEV_SESSION_SECRET).issue(Instant.now().minusSeconds(60)))
                .formParam("name", "Ibrahim Maïga").formParam("email", email).formParam("organisation", "Niger Uranium Logistics")
                .formParam("jobTitle", "Country manager").formParam("sectors", "energy").formParam("countries", "NE")
                .formParam("services", "travel-security").formParam("timeframe", "now")
                .formParam("needs", "Convoys between Niamey and Arlit.").formParam("consent", "true");
        for (int i = 0; i < changes.length; i += 2) {
            request.formParam(changes[i], changes[i + 1]);
        }
        String location = request.post("/interest").then().statusCode(303).extract().header("Location");
        return location.substring(location.indexOf("RFI-"));
    }

    public static String referenceOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>findById(id).reference);
    }

    public static long idOf(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Lead.byReference(reference).orElseThrow().id);
    }
}
