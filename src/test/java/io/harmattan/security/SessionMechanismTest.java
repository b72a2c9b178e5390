package io.harmattan.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.CodeFlowLogin;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.Submissions;
import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The short-lived identity cookie that spares OIDC's verification on every page. */
@QuarkusTest
class SessionMechanismTest {

    private static String consultantSession;
    private static String clientSession;

    @BeforeAll
    static void signIn() throws Exception {
        consultantSession = CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/console", "demo-consultant", "demo");
        clientSession = CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/portal", "demo-client", "demo");
    }

    private static Response get(String path, String cookies) {
        return given().redirects().follow(false).header("Cookie", cookies).get(path);
    }

    private static String identityCookie(String session) {
        Response first = get("/console", session);
        assertThat(first.statusCode()).isEqualTo(200);
        String value = first.getCookie(SessionMechanism.COOKIE);
        assertThat(value).startsWith("v2.");
        assertThat(first.getDetailedCookie(SessionMechanism.COOKIE).isHttpOnly()).isTrue();
        return value;
    }

    @Test
    void aVerifiedSessionGetsAnIdentityCookieThatOpensPagesAsTheSamePerson() {
        String identity = identityCookie(consultantSession);
        Response page = get("/console", consultantSession + "; " + SessionMechanism.COOKIE + "=" + identity);
        assertThat(page.statusCode()).isEqualTo(200);
        // Served from the identity cookie: no new one is issued, and it is the same person with the same role.
        assertThat(page.getCookie(SessionMechanism.COOKIE)).isNull();
        assertThat(page.body().asString()).contains("id=\"role\">consultant<");
    }

    @Test
    void aTamperedIdentityCookieIsIgnored() {
        String identity = identityCookie(consultantSession);
        String[] parts = identity.split("\\.");
        parts[4] = Base64.getUrlEncoder().withoutPadding().encodeToString("admin,consultant".getBytes());
        String forged = String.join(".", parts);
        Response admin = get("/admin", consultantSession + "; " + SessionMechanism.COOKIE + "=" + forged);
        assertThat(admin.statusCode()).isEqualTo(403);
    }

    @Test
    void theIdentityCookieAloneOrWithAnotherSessionOpensNothing() {
        String consultantIdentity = identityCookie(consultantSession);
        Response alone = get("/console", SessionMechanism.COOKIE + "=" + consultantIdentity);
        assertThat(alone.statusCode()).isEqualTo(302);
        assertThat(alone.header("Location")).startsWith(TestStack.get().keycloak.realmUrl());
        // With the client's own session, the consultant's identity cookie does not apply: the client is the client.
        Response mixed = get("/console", clientSession + "; " + SessionMechanism.COOKIE + "=" + consultantIdentity);
        assertThat(mixed.statusCode()).isEqualTo(403);
    }

    @Test
    void aNewSessionOfTheSamePersonDoesNotReuseTheOldIdentityCookie() throws Exception {
        String oldIdentity = identityCookie(consultantSession);
        String newSession = CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/console", "demo-consultant", "demo");
        assertThat(newSession).isNotEqualTo(consultantSession);
        Response page = get("/console", newSession + "; " + SessionMechanism.COOKIE + "=" + oldIdentity);
        assertThat(page.statusCode()).isEqualTo(200);
        // OIDC verified the new session and issued an identity cookie bound to it.
        assertThat(page.getCookie(SessionMechanism.COOKIE)).startsWith("v2.").isNotEqualTo(oldIdentity);
    }

    @Test
    void aSessionCookieAlteredAtItsEndIsNotServedFromTheIdentityCookie() {
        String identity = identityCookie(consultantSession);
        int end = consultantSession.indexOf(';') < 0 ? consultantSession.length() : consultantSession.indexOf(';');
        // Not the very last character: in base64url it may carry only padding bits, which decode to the same bytes.
        int at = end - 3;
        char c = consultantSession.charAt(at);
        String altered = consultantSession.substring(0, at) + (c == 'A' ? 'B' : 'A') + consultantSession.substring(at + 1);
        Response page = get("/console", altered + "; " + SessionMechanism.COOKIE + "=" + identity);
        // The identity cookie no longer applies, and OIDC cannot read the altered session: back to sign-in.
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.header("Location")).startsWith(TestStack.get().keycloak.realmUrl());
    }

    @Test
    void aCrossSiteGetOrPostOfTheSignOutAddressSignsNobodyOut() throws Exception {
        String session = CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/console", "demo-consultant", "demo");
        Response link = given().redirects().follow(false).header("Cookie", session).get("/logout");
        // Sign-out is a POST from the page's button, with its CSRF token; a link, an image or another site's form is not.
        assertThat(link.statusCode()).isEqualTo(405);
        assertThat(link.getDetailedCookies().asList()).noneMatch(c -> c.getName().startsWith("q_session") && c.getMaxAge() == 0);
        Response forged = given().redirects().follow(false).header("Cookie", session)
                .contentType("application/x-www-form-urlencoded").post("/logout");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.getDetailedCookies().asList()).noneMatch(c -> c.getName().startsWith("q_session") && c.getMaxAge() == 0);
        assertThat(get("/console", session).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutClearsTheSessionAndIdentityCookies() throws Exception {
        String session = CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/console", "demo-lead", "demo");
        String identity = identityCookie(session);
        Response out = new FormSession(session + "; " + SessionMechanism.COOKIE + "=" + identity).open("/console")
                .post(Map.of()).post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).startsWith(TestStack.get().keycloak.realmUrl() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        assertThat(out.getDetailedCookie(SessionMechanism.COOKIE).getMaxAge()).isZero();
        assertThat(out.getDetailedCookie("q_session").getMaxAge()).isZero();
    }

    @Test
    void aSessionCookieNeverReachesTheApiThroughAPathParameter() {
        // Before the fix "/api;x/v1/reference-data" was routed to the API but chose the pages' tenant: 200 with a cookie.
        for (String path : List.of("/api;x/v1/reference-data", "/api%3Bx/v1/reference-data", "/api/v1;x/reference-data",
                "/console;x", "/portal/briefings%3b")) {
            Response response = given().urlEncodingEnabled(false).redirects().follow(false).header("Cookie", consultantSession)
                    .get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(get("/api/v1/reference-data", consultantSession).statusCode()).as("the API takes no cookie").isEqualTo(401);
    }

    @Test
    void aCsrfPairFetchedAnonymouslyDoesNotWorkOnASignedInPost() throws Exception {
        long lead = Submissions.idOf(Submissions.byApi("planted+" + java.util.UUID.randomUUID() + "@example.test"));
        Response anonymous = given().get("/interest");
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"")
                .matcher(anonymous.body().asString());
        assertThat(field.find()).isTrue();
        Response planted = given().redirects().follow(false)
                .header("Cookie", consultantSession + "; csrf-token=" + anonymous.cookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", field.group(1))
                .formParam("text", "Planted note").post("/console/leads/" + lead + "/notes");
        assertThat(planted.statusCode()).isEqualTo(400);

        // The same person signed in a second time: that sign-in's form does not work with this session's cookies.
        FormSession.Page second = FormSession.signIn("/console", "demo-consultant").open("/console/leads/" + lead);
        Response otherSession = new FormSession.Page(second.response(), second.csrfCookie(), second.csrfField(),
                consultantSession, second.sessionField()).post(Map.of("text", "Another sign-in's note"))
                .post("/console/leads/" + lead + "/notes");
        assertThat(otherSession.statusCode()).as("a token bound to another session").isEqualTo(400);

        FormSession.Page own = new FormSession(consultantSession).open("/console/leads/" + lead);
        assertThat(own.sessionField()).isNotBlank();
        assertThat(own.post(Map.of("text", "My own note")).post("/console/leads/" + lead + "/notes").statusCode()).isEqualTo(303);
        assertThat(get("/console/leads/" + lead, consultantSession).body().asString()).contains("My own note")
                .doesNotContain("Planted note", "Another sign-in");
    }
}
