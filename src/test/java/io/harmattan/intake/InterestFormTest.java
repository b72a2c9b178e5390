package io.harmattan.intake;

import io.harmattan.testing.Submissions;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.stack.StackEnv;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public form over HTTP against the real database: what is stored, what is refused, and how often. */
@QuarkusTest
class InterestFormTest {

    /** A form token issued as if the page had been opened a minute ago, signed with the test stack's secret. */
    private static String tokenOpenedAMinuteAgo() {
        return new FormToken(StackEnv.DEV_SESSION_SECRET).issue(Instant.now().minusSeconds(60));
    }

    /** The CSRF cookie and token of a freshly loaded form page. */
    private record Csrf(String cookie, String token) {
    }

    private static Csrf csrf() {
        Response page = given().get("/interest");
        return new Csrf(page.cookie("csrf-token"),
                page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"));
    }

    /** A complete, valid form; {@code changes} replace fields (name, value, name, value, ...). */
    private static RequestSpecification validForm(Csrf csrf, String token, String email, String... changes) {
        return validFormFrom(Submissions.anotherClient(), csrf, token, email, changes);
    }

    /** The same, sent by the given client (as the trusted proxy reports it). */
    private static RequestSpecification validFormFrom(String client, Csrf csrf, String token, String email,
            String... changes) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("csrf-token", csrf.token());
        fields.put("token", token);
        fields.put("name", "Claire Dubois");
        fields.put("email", email);
        fields.put("organisation", "Sahel Gold Resources");
        fields.put("jobTitle", "Head of security");
        fields.put("phone", "+223 20 00 00 00");
        fields.put("sectors", List.of("mining", "energy"));
        fields.put("countries", List.of("ML"));
        fields.put("services", List.of("risk-assessment", "travel-security"));
        fields.put("timeframe", "3-months");
        fields.put("needs", "Site security review near Sadiola.");
        fields.put("consent", "true");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        RequestSpecification request = given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").header("X-Forwarded-For", client);
        if (csrf.cookie() != null) {
            request.cookie("csrf-token", csrf.cookie());
        }
        fields.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                request.formParam(name, values.toArray());
            } else {
                request.formParam(name, value);
            }
        });
        return request;
    }

    private static long leadsWithEmail(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Lead.count("email", email));
    }

    private static String uniqueEmail() {
        return "claire+" + UUID.randomUUID() + "@sahel-gold.test";
    }

    /** The confirmation repeats what was sent, but only to the browser that sent it: references are sequential. */
    @Test
    void theConfirmationRepeatsWhatWasSentToItsSenderOnly() {
        String email = uniqueEmail();
        Response posted = validForm(csrf(), tokenOpenedAMinuteAgo(), email, "needs", "Site review <b>near</b> Sadiola.")
                .post("/interest");
        String location = posted.header("Location");
        String receipt = posted.cookie("receipt");
        assertThat(receipt).isNotBlank();
        assertThat(posted.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("receipt=").contains("HttpOnly", "SameSite=Strict", "Path=/interest/received"));
        String mine = given().cookie("receipt", receipt).get(location).body().asString();
        assertThat(mine).contains("id=\"sent\"", email, "Sahel Gold Resources", "Mining, Energy", "Mali",
                "Site review &lt;b&gt;near&lt;/b&gt; Sadiola.").doesNotContain("<b>near");
        String other = validForm(csrf(), tokenOpenedAMinuteAgo(), uniqueEmail()).post("/interest").header("Location");
        for (String stranger : List.of(given().get(location).body().asString(),
                given().cookie("receipt", receipt).get(other).body().asString(),
                given().cookie("receipt", "1700000000.forgedforgedforgedforgedforged").get(location).body().asString())) {
            assertThat(stranger).contains("id=\"reference\"").doesNotContain("id=\"sent\"", email);
        }
    }

    @Test
    void aValidSubmissionIsStoredBeforeTheConfirmationShowsItsReference() {
        String email = uniqueEmail();
        Response posted = validForm(csrf(), tokenOpenedAMinuteAgo(), email).post("/interest");
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.header("Location");
        assertThat(location).matches(".*/interest/received\\?reference=RFI-\\d{4}-\\d{5,}");
        String reference = location.substring(location.indexOf("RFI-"));

        Lead lead = QuarkusTransaction.requiringNew().call(() -> {
            Lead stored = Lead.byReference(reference).orElseThrow();
            stored.sectors.size();
            stored.services.size();
            return stored;
        });
        assertThat(lead.email).isEqualTo(email);
        assertThat(lead.status).isEqualTo(LeadStatus.NEW);
        assertThat(lead.sectors).containsExactlyInAnyOrder("mining", "energy");
        assertThat(lead.services).containsExactlyInAnyOrder("risk-assessment", "travel-security");
        assertThat(lead.consentVersion).isEqualTo(Intake.CONSENT_VERSION);
        assertThat(lead.consentLanguage).isEqualTo("en");
        assertThat(lead.consentAt).isNotNull();
        assertThat(lead.marketingOptIn).isFalse();

        given().get(location.substring(location.indexOf("/interest"))).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(reference));
    }

    @Test
    void tenConcurrentPostsAndThreeReplaysOfOneFormCreateExactlyOneLead() throws Exception {
        String email = uniqueEmail();
        String token = tokenOpenedAMinuteAgo();
        Csrf csrf = csrf();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Callable<String> post = () -> validForm(csrf, token, email).post("/interest").header("Location");
            answers.add(pool.submit(post));
        }
        List<String> locations = new ArrayList<>();
        for (Future<String> answer : answers) {
            locations.add(answer.get());
        }
        pool.shutdown();
        for (int i = 0; i < 3; i++) {
            locations.add(validForm(csrf, token, email).post("/interest").header("Location"));
        }
        assertThat(locations).doesNotContainNull().hasSize(13);
        assertThat(locations.stream().distinct()).as("every answer shows the same reference").hasSize(1);
        assertThat(leadsWithEmail(email)).isEqualTo(1);
    }

    @Test
    void everyInvalidFieldGetsItsMessageTheInputIsKeptAndNothingIsStored() {
        String email = "not-an-email-" + UUID.randomUUID();
        Csrf csrf = csrf();
        String body = given().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token())
                .formParam("token", tokenOpenedAMinuteAgo()).formParam("name", "")
                .formParam("email", email).formParam("organisation", "O".repeat(201))
                .formParam("jobTitle", "").formParam("phone", "call me maybe")
                .formParam("timeframe", "someday").formParam("needs", "")
                .post("/interest").then().statusCode(400).extract().asString();
        assertThat(body).contains("Please enter your name.", "This does not look like an email address",
                "This is too long (at most 200 characters).", "Please enter your job title.",
                "A phone number may contain only digits", "Please tick at least one sector.",
                "Please tick at least one country.", "Please tick at least one service.",
                "Please choose when you need support.", "Please tell us briefly what you need.",
                "We can only answer if you agree");
        assertThat(body).contains("value=\"" + email + "\"", "value=\"call me maybe\"");
        assertThat(leadsWithEmail(email)).isZero();
    }

    @Test
    void messagesFollowTheVisitorsLanguage() {
        Csrf csrf = csrf();
        given().header("Accept-Language", "fr").cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token())
                .formParam("token", tokenOpenedAMinuteAgo()).post("/interest")
                .then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("Merci d&#39;indiquer votre nom."))
                .body(org.hamcrest.Matchers.containsString("Merci de cocher au moins un pays."));
    }

    @Test
    void oversizeTextIsRefusedWithAMessageAndNotStored() {
        String email = uniqueEmail();
        validForm(csrf(), tokenOpenedAMinuteAgo(), email, "needs", "x".repeat(4001)).post("/interest")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("under 4,000 characters"));
        validForm(csrf(), tokenOpenedAMinuteAgo(), email, "needs", "x".repeat(300_000)).post("/interest")
                .then().statusCode(413);
        assertThat(leadsWithEmail(email)).isZero();
    }

    @Test
    void aForgedTokenKeepsTheInputAndAsksToSendAgain() {
        String email = uniqueEmail();
        String body = validForm(csrf(), "1700000000000.forged.signature", email).post("/interest")
                .then().statusCode(400).extract().asString();
        assertThat(body).contains("could not be checked", "value=\"" + email + "\"");
        assertThat(leadsWithEmail(email)).isZero();
    }

    /**
     * A form whose CSRF cookie expired or was never kept (cookies blocked): the form comes back with
     * everything typed, a message in the visitor's language and a fresh CSRF cookie, never a bare
     * "HTTP ERROR 400"; sent again from there, it goes through.
     */
    @ParameterizedTest
    @CsvSource({"en, could not be checked", "fr, pas pu être vérifié"})
    void aFormWhoseCsrfCookieIsGoneComesBackFilledAndThenGoesThrough(String language, String message) {
        String email = uniqueEmail();
        Csrf stale = new Csrf("expiredcookievalueexpiredcooki", "expiredcookievalueexpiredcooki");
        for (Csrf refused : List.of(stale, new Csrf(null, "no-cookie-at-all"))) {
            Response answer = validForm(refused, tokenOpenedAMinuteAgo(), email, "needs", "Gold <b>project</b> near Kéniéba, 3 sites.")
                    .header("Accept-Language", language).header("Sec-Fetch-Site", "same-origin").post("/interest");
            assertThat(answer.statusCode()).isEqualTo(400);
            String body = answer.body().asString();
            assertThat(body).contains(message, "value=\"" + email + "\"", "Gold &lt;b&gt;project&lt;/b&gt; near Kéniéba, 3 sites.",
                    "value=\"Sahel Gold Resources\"").doesNotContain("<b>project");
            assertThat(body).containsPattern("value=\"mining\"[^>]*checked");
            // Consent is never ticked for the person: they tick it again.
            assertThat(body).doesNotContainPattern("id=\"consent\"[^>]*checked");
            String cookie = answer.cookie("csrf-token");
            assertThat(cookie).isNotBlank();
            String token = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(body).results()
                    .findFirst().orElseThrow().group(1);
            assertThat(leadsWithEmail(email)).isZero();
            String formToken = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(body).results()
                    .findFirst().orElseThrow().group(1);
            String again = uniqueEmail();
            // The form token is the one the prospect started with, so the time spent typing still counts: no spam.
            validForm(new Csrf(cookie, token), formToken, again).post("/interest").then().statusCode(303);
            assertThat(QuarkusTransaction.requiringNew().call(() -> Lead.count("email = ?1 and status = ?2", again,
                    LeadStatus.NEW))).isEqualTo(1);
        }
    }

    /** A post forged by another site is refused with the explanation alone: nothing it sent, no new token. */
    @Test
    void aCrossSitePostWithoutTheTokenGetsNoFormBackAndNoNewCookie() {
        String email = uniqueEmail();
        Response answer = validForm(new Csrf(null, "forged"), tokenOpenedAMinuteAgo(), email)
                .header("Sec-Fetch-Site", "cross-site").post("/interest");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().asString()).contains("id=\"refused-text\"").doesNotContain(email, "Sahel Gold Resources");
        assertThat(answer.headers().getValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("csrf-token="));
        assertThat(leadsWithEmail(email)).isZero();
    }

    @Test
    void aFormLeftOpenForMoreThanADayIsShownAgainWithAFreshToken() {
        String email = uniqueEmail();
        String stale = new FormToken(StackEnv.DEV_SESSION_SECRET).issue(Instant.now().minus(java.time.Duration.ofHours(25)));
        String body = validForm(csrf(), stale, email).post("/interest").then().statusCode(400).extract().asString();
        assertThat(body).contains("could not be checked", "value=\"" + email + "\"").doesNotContain("value=\"" + stale + "\"");
        assertThat(leadsWithEmail(email)).isZero();
        String dayOld = new FormToken(StackEnv.DEV_SESSION_SECRET).issue(Instant.now().minus(java.time.Duration.ofHours(23)));
        validForm(csrf(), dayOld, uniqueEmail()).post("/interest").then().statusCode(303);
    }

    @Test
    void bidiControlsAreTakenOutOfNamesAndOrganisations() {
        String email = uniqueEmail();
        validForm(csrf(), tokenOpenedAMinuteAgo(), email, "name", "Awa \u202EeroT\u202C", "organisation",
                "\u2066Sahel\u2069 Gold", "jobTitle", "Head\u202D of security").post("/interest").then().statusCode(303);
        Lead lead = QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>find("email", email).firstResult());
        assertThat(lead.name).isEqualTo("Awa eroT");
        assertThat(lead.organisation).isEqualTo("Sahel Gold");
        assertThat(lead.jobTitle).isEqualTo("Head of security");
    }

    @Test
    void aChoiceWeDoNotOfferIsRefused() {
        String email = uniqueEmail();
        validForm(csrf(), tokenOpenedAMinuteAgo(), email, "countries", "SN").post("/interest")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("not one we offer"));
        assertThat(leadsWithEmail(email)).isZero();
    }

    @Test
    void scriptInAnyFieldIsStoredAsTextAndShownEscaped() {
        String script = "<script>alert(1)</script>";
        String email = uniqueEmail();
        Csrf csrf = csrf();
        String body = given().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token())
                .formParam("token", tokenOpenedAMinuteAgo()).formParam("name", script).formParam("email", email)
                .formParam("organisation", script).formParam("jobTitle", script).formParam("needs", script)
                .post("/interest").then().statusCode(400).extract().asString();
        assertThat(body).doesNotContain(script).contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        String stored = validForm(csrf, tokenOpenedAMinuteAgo(), email, "name", script, "needs", script)
                .post("/interest").header("Location");
        String reference = stored.substring(stored.indexOf("RFI-"));
        Lead lead = QuarkusTransaction.requiringNew().call(() -> Lead.byReference(reference).orElseThrow());
        assertThat(lead.name).isEqualTo(script);
        assertThat(lead.needs).isEqualTo(script);
    }

    @Test
    void suspectedSpamIsQuarantinedWhileTheSenderSeesTheNormalConfirmation() {
        String honeypot = uniqueEmail();
        assertThat(validForm(csrf(), tokenOpenedAMinuteAgo(), honeypot, "website", "http://cheap.example")
                .post("/interest").header("Location")).contains("/interest/received?reference=RFI-");
        String tooFast = uniqueEmail();
        String freshToken = new FormToken(StackEnv.DEV_SESSION_SECRET).issue(Instant.now());
        assertThat(validForm(csrf(), freshToken, tooFast).post("/interest").header("Location"))
                .contains("/interest/received?reference=RFI-");
        String links = uniqueEmail();
        validForm(csrf(), tokenOpenedAMinuteAgo(), links,
                "needs", "http://a.example http://b.example http://c.example http://d.example")
                .post("/interest").then().statusCode(303);

        for (String email : List.of(honeypot, tooFast, links)) {
            Lead lead = QuarkusTransaction.requiringNew().call(() -> Lead.<Lead>find("email", email).firstResult());
            assertThat(lead.status).as(email).isEqualTo(LeadStatus.SPAM);
            assertThat(lead.spamReason).isNotNull();
        }
    }

    @Test
    void aFakeReferenceOnTheConfirmationPageIsNotFound() {
        given().get("/interest/received?reference=<script>").then().statusCode(404);
        given().get("/interest/received").then().statusCode(404);
    }

    @Test
    void aRepeatRequestIsStoredFlaggedAndLinkedNeverRejected() {
        String email = uniqueEmail();
        String organisation = "Compagnie " + UUID.randomUUID() + " S.A.";
        String first = validForm(csrf(), tokenOpenedAMinuteAgo(), email, "organisation", organisation)
                .post("/interest").header("Location");
        String sameEmail = validForm(csrf(), tokenOpenedAMinuteAgo(), email, "organisation", "Other " + UUID.randomUUID())
                .post("/interest").header("Location");
        String sameOrganisation = validForm(csrf(), tokenOpenedAMinuteAgo(), uniqueEmail(),
                "organisation", organisation.toUpperCase().replace(" S.A.", "")).post("/interest").header("Location");

        Lead original = QuarkusTransaction.requiringNew().call(() -> Lead.byReference(first.substring(first.indexOf("RFI-"))).orElseThrow());
        for (String repeat : List.of(sameEmail, sameOrganisation)) {
            assertThat(repeat).as("a repeat still gets its own confirmation").contains("/interest/received?reference=RFI-");
            Lead lead = QuarkusTransaction.requiringNew().call(() -> Lead.byReference(repeat.substring(repeat.indexOf("RFI-"))).orElseThrow());
            assertThat(lead.id).isNotEqualTo(original.id);
            assertThat(lead.duplicateOf).isEqualTo(original.id);
            assertThat(lead.status).isEqualTo(LeadStatus.NEW);
        }
        assertThat(original.duplicateOf).isNull();
    }

    @Test
    void aRateLimitedFormKeepsTheAnswersAndSaysWhenToComeBack() {
        String client = Submissions.anotherClient();
        for (int i = 0; i < 8; i++) {
            validFormFrom(client, csrf(), tokenOpenedAMinuteAgo(), uniqueEmail()).post("/interest").then().statusCode(303);
        }
        String email = uniqueEmail();
        Response limited = validFormFrom(client, csrf(), tokenOpenedAMinuteAgo(), email).post("/interest");
        assertThat(limited.statusCode()).isEqualTo(429);
        long seconds = Long.parseLong(limited.header("Retry-After"));
        assertThat(seconds).isBetween(1L, 3600L);
        // The page names the same wait, in whole minutes rounded up.
        long minutes = (seconds + 59) / 60;
        assertThat(limited.asString()).contains("Too many requests", "value=\"" + email + "\"",
                "send them again in " + minutes + (minutes == 1 ? " minute." : " minutes."));
        assertThat(leadsWithEmail(email)).isZero();
    }

    @Test
    void aMadeUpFirstForwardedForEntryDoesNotBuyAFreshBudget() {
        // Behind a proxy that appends to X-Forwarded-For, the client writes the left of the header
        // and the proxies the right: only the right-most address that is not our proxy counts.
        String client = Submissions.anotherClient();
        for (int i = 0; i < 8; i++) {
            String header = i % 2 == 0 ? Submissions.anotherClient() + ", " + client
                    : Submissions.anotherClient() + ", " + client + ", 127.0.0.9";
            validFormFrom(header, csrf(), tokenOpenedAMinuteAgo(), uniqueEmail()).post("/interest").then().statusCode(303);
        }
        String email = uniqueEmail();
        Response limited = validFormFrom("203.0.113.7, " + client, csrf(), tokenOpenedAMinuteAgo(), email).post("/interest");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(leadsWithEmail(email)).isZero();
        validFormFrom(client + ", " + Submissions.anotherClient(), csrf(), tokenOpenedAMinuteAgo(), uniqueEmail())
                .post("/interest").then().statusCode(303);
    }
}
