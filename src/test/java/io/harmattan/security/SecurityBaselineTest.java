package io.harmattan.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.harmattan.testing.FormSession;
import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SecurityBaselineTest {

    private static Response fetch(String method, String path) {
        return given().redirects().follow(false).request(method, path);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /, 200",
            "GET, /console, 302",
            "GET, /home, 302",
            "GET, /no-such-page, 404",
            "GET, /test-probe/boom, 500",
            "GET, /api/v1/reference-data, 401",
            "GET, /api/test-probe/boom, 500",
            "POST, /test-probe/form, 400",
            "GET, /q/health/ready, 200",
            "GET, /language/fr, 303"})
    void everyResponseCarriesTheSecurityHeaders(String method, String path, int status) {
        Response response = fetch(method, path);
        assertThat(response.statusCode()).isEqualTo(status);
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                "frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Server")).as("no server name or version").isNull();
    }

    @Test
    void staticAssetsMayBeCachedButStillCarryTheHeaders() {
        Response css = fetch("GET", "/css/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.header("Cache-Control")).isEqualTo("public, max-age=86400");
        assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void traceIsRefused() {
        given().when().request("TRACE", "/").then().statusCode(405);
        given().when().request("TRACE", "/console").then().statusCode(405);
    }

    @Test
    void errorPageShowsNoInternalDetailAndSpeaksTheVisitorsLanguage() {
        String english = given().header("Accept-Language", "en").get("/test-probe/boom")
                .then().statusCode(500).contentType(containsString("text/html")).extract().asString();
        assertThat(english).contains("Something went wrong").doesNotContain("secret", "Exception", "jdbc", "at io.");
        String french = given().header("Accept-Language", "fr").get("/test-probe/boom")
                .then().statusCode(500).extract().asString();
        assertThat(french).contains("Une erreur est survenue").doesNotContain("secret", "Exception");
    }

    @Test
    void jsonEndpointsAnswerJsonErrors() {
        given().get("/api/test-probe/boom")
                .then().statusCode(500).contentType(containsString("application/json"))
                .body("error", equalTo("internal error"))
                .body(not(containsString("secret")));
        given().get("/api/v1/no-such-endpoint")
                .then().statusCode(404).contentType(containsString("application/json"))
                .body("error", equalTo("not found"));
    }

    @Test
    void formPostWithoutTheCsrfTokenIsRefusedAndWithItAccepted() {
        Response page = given().get("/test-probe/form");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        String cookie = page.cookie("csrf-token");
        assertThat(token).isNotBlank();
        assertThat(cookie).isNotBlank();

        given().formParam("email", "a@b.test").post("/test-probe/form").then().statusCode(400);
        given().cookie("csrf-token", cookie).formParam("email", "a@b.test").post("/test-probe/form")
                .then().statusCode(400);
        given().cookie("csrf-token", cookie).formParam("csrf-token", "forged" + token)
                .formParam("email", "a@b.test").post("/test-probe/form").then().statusCode(400);
        given().cookie("csrf-token", cookie).formParam("csrf-token", token).formParam("email", "a@b.test")
                .post("/test-probe/form").then().statusCode(200).body(not(containsString("aria-invalid")));
    }

    @Test
    void aFormOpenInOneTabStillPostsAfterAnotherPageWasOpenedInASecondTab() {
        Response first = given().get("/interest");
        String cookie = first.cookie("csrf-token");
        String token = first.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        // The second tab sends the same cookie and gets the same token back: the first tab's form stays good.
        Response second = given().cookie("csrf-token", cookie).get("/interest");
        String secondCookie = second.cookie("csrf-token") == null ? cookie : second.cookie("csrf-token");
        given().cookie("csrf-token", secondCookie).formParam("csrf-token", token).formParam("email", "a@b.test")
                .post("/test-probe/form").then().statusCode(200);
    }

    @Test
    void aMalformedCsrfTokenIsA400NotA500() {
        String cookie = given().get("/interest").cookie("csrf-token");
        for (String token : java.util.List.of("xCwDS2cwbgEsl1mYI3HyRg\u00bf'\"(", "%%%", "", "a".repeat(5000))) {
            given().cookie("csrf-token", cookie).formParam("csrf-token", token).formParam("email", "a@b.test")
                    .post("/test-probe/form").then().statusCode(400);
            given().cookie("csrf-token", cookie).header("X-CSRF-TOKEN", token).formParam("email", "a@b.test")
                    .post("/test-probe/form").then().statusCode(400);
        }
        given().cookie("csrf-token", "\u00bf%%").formParam("csrf-token", "x").post("/test-probe/form").then().statusCode(400);
    }

    @Test
    void pageEndpointsTakeOnlyFormBodiesSoTheCsrfCheckCannotBeSidestepped() {
        given().contentType("text/plain").body("name=x").post("/interest").then().statusCode(415);
        given().contentType("application/json").body("{}").post("/test-probe/form").then().statusCode(415);
    }

    @Test
    void invalidFieldIsShownWithItsMessageAndTheInputKeptEscaped() {
        Response page = given().get("/test-probe/form");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        String body = given().cookie("csrf-token", page.cookie("csrf-token")).formParam("csrf-token", token)
                .formParam("email", "<script>alert(1)</script>").post("/test-probe/form")
                .then().statusCode(200).extract().asString();
        assertThat(body).contains("aria-invalid=\"true\"", "Enter a valid email address",
                "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
        assertThat(body).doesNotContain("<script>alert(1)</script>");
    }

    @ParameterizedTest
    @CsvSource({"//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"})
    void languageSwitchNeverRedirectsOffSite(String target) {
        Response response = given().redirects().follow(false).queryParam("return", target).get("/language/fr");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/");
    }

    @Test
    void aReturnPathThatIsNoValidUriGoesBackEncodedOrHomeNeverA500() {
        Response spaced = given().redirects().follow(false).queryParam("return", "/a b").get("/language/fr");
        assertThat(spaced.statusCode()).isEqualTo(303);
        assertThat(spaced.header("Location")).isEqualTo("/a%20b");
        Response broken = given().redirects().follow(false).queryParam("return", "/x%zz{").get("/language/fr");
        assertThat(broken.statusCode()).isEqualTo(303);
        assertThat(broken.header("Location")).isEqualTo("/");
    }

    /** The privacy and legal notices say who holds the data, for how long and whom to ask, in both languages. */
    @Test
    void thePrivacyAndLegalNoticesNameTheFirmTheRetentionAndWhomToAsk() {
        String privacy = given().header("Accept-Language", "en").get("/privacy").body().asString();
        assertThat(privacy).contains("African Security Analysis", "made anonymous 24 months after your request",
                "mailto:contact@localhost", "Ouagadougou 01");
        String french = given().header("Accept-Language", "fr").get("/privacy").body().asString();
        assertThat(french).contains("rendues anonymes 24 mois après votre demande", "Vos droits");
        assertThat(given().get("/legal").body().asString()).contains("Director of publication", "RCCM");
        assertThat(given().header("Accept-Language", "fr").get("/legal").body().asString())
                .contains("Mentions légales", "Directeur de la publication", "Hébergement", "RCCM");
        String landing = given().get("/").body().asString();
        assertThat(landing).contains("id=\"contact\"", "href=\"/privacy\"", "href=\"/legal\"");
        assertThat(given().get("/interest").body().asString()).contains("id=\"privacy-page\"", "at most 24 months");
    }

    @Test
    void switchingLanguageComesBackToThePageWithItsQuery() {
        String page = given().urlEncodingEnabled(false).header("Accept-Language", "en").get("/interest?source=brief&q=gold%20mine")
                .body().asString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"language-switch\" href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        String href = link.group(1).replace("&amp;", "&");
        Response switched = given().redirects().follow(false).urlEncodingEnabled(false).get(href);
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).isEqualTo("/interest?source=brief&q=gold%20mine");
    }

    @Test
    void switchingLanguageKeepsTheInboxFilters() throws Exception {
        FormSession consultant = FormSession.signIn("/console", "demo-consultant");
        String filtered = "/console/leads?status=qualified&country=NE&sector=energy&sort=fit&q=niamey%20audit";
        String page = given().urlEncodingEnabled(false).header("Cookie", consultant.cookies()).get(filtered).body().asString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"language-switch\" href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        Response switched = given().redirects().follow(false).urlEncodingEnabled(false).header("Cookie", consultant.cookies())
                .get(link.group(1).replace("&amp;", "&"));
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).isEqualTo(filtered);
        assertThat(switched.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("lang=fr"));
    }

    @Test
    void languageChoiceIsRememberedInAnHttpOnlyLaxCookie() {
        Response response = given().redirects().follow(false).queryParam("return", "/").get("/language/fr");
        String setCookie = response.headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("lang=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("lang=fr", "HttpOnly", "SameSite=Lax");
        given().cookie("lang", "fr").header("Accept-Language", "en").get("/")
                .then().body(containsString("Opérer en confiance au Sahel"));
    }

    @Test
    void aChosenLanguageBeatsTheQueryParameterWhichBeatsTheBrowser() {
        given().cookie("lang", "en").queryParam("lang", "fr").header("Accept-Language", "fr").get("/")
                .then().body(containsString("<html lang=\"en\">"));
        given().queryParam("lang", "fr").header("Accept-Language", "en").get("/")
                .then().body(containsString("<html lang=\"fr\">"));
    }

    @Test
    void codeFlowRequiresPkceAndANonce() {
        String location = fetch("GET", "/console").header("Location");
        assertThat(location).contains("code_challenge_method=S256", "code_challenge=", "nonce=",
                "redirect_uri=" + java.net.URLEncoder.encode(TestStack.get().appUrl() + "/auth/callback",
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void landingPageFirstLoadStaysUnder100Kilobytes() {
        long total = 0;
        for (String path : new String[] {"/", "/css/app.css", "/favicon.svg"}) {
            total += given().get(path).then().statusCode(200).extract().asByteArray().length;
        }
        assertThat(total).isLessThan(100 * 1024);
    }

    @Test
    void behindTheTlsProxyCookiesAreSecureAndHstsIsSent() {
        Response response = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .queryParam("return", "/").get("/language/en");
        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=");
        String language = response.headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("lang=")).findFirst().orElseThrow();
        assertThat(language).contains("Secure", "HttpOnly", "SameSite=Lax");
        Response plain = given().redirects().follow(false).queryParam("return", "/").get("/language/en");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void everyCookieLeavesWithSameSiteAndSecureWhereProductionRequiresIt() {
        String csrf = given().get("/interest").headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("csrf-token=")).findFirst().orElseThrow();
        assertThat(csrf).as("quarkus-rest-csrf sets no SameSite of its own").contains("SameSite=Lax").containsIgnoringCase("HttpOnly");
        assertThat(SecurityHeaders.harden("csrf-token=abc; Path=/; HttpOnly", false))
                .isEqualTo("csrf-token=abc; Path=/; HttpOnly; SameSite=Lax");
        assertThat(SecurityHeaders.harden("lang=fr; Path=/; SameSite=Strict", true)).isEqualTo("lang=fr; Path=/; SameSite=Strict; Secure");
        assertThat(SecurityHeaders.harden("flash=x; Secure; SameSite=Lax", true)).isEqualTo("flash=x; Secure; SameSite=Lax");
        assertThat(SecurityHeaders.harden("secureish=1; Path=/secure", true)).endsWith("; Secure");
    }

    @Test
    void aRedirectBackToThisSiteNeverCarriesTheRequestsHostHeader() {
        Response redirect = given().redirects().follow(false).header("Host", "evil.example").queryParam("return", "/portal")
                .get("/language/fr");
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.header("Location")).isEqualTo("/portal");
        assertThat(SecurityHeaders.withoutOwnHost("http://app:8080/portal?x=1#top", "app:8080")).isEqualTo("/portal?x=1#top");
        assertThat(SecurityHeaders.withoutOwnHost("http://app:8080//evil.example/x", "app:8080")).isEqualTo("/evil.example/x");
        assertThat(SecurityHeaders.withoutOwnHost("http://keycloak:8180/realms/harmattan", "app:8080"))
                .isEqualTo("http://keycloak:8180/realms/harmattan");
        assertThat(SecurityHeaders.withoutOwnHost("/signed-out", "app:8080")).isEqualTo("/signed-out");
    }

    /** What a raw request gets back: the status line, the headers and the body. */
    private static String raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", TestStack.get().appPort)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException enough) {
                // the server keeps the connection open; what arrived is the answer
            }
            return answer.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void requestsTooMalformedForAnyHandlerGetAnEmptyAnswerWithNothingToRender() throws Exception {
        // Vert.x refuses these before any route runs, so the app's headers cannot be added (docker/haproxy.cfg adds
        // them at the proxy); what it sends has no body a browser could sniff, frame or run.
        for (String request : List.of("GET /x HTTP/1.1\r\nHost: a\r\nBad Header Line\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /" + "x".repeat(10000) + " HTTP/1.1\r\nHost: a\r\n\r\n")) {
            String answer = raw(request).toLowerCase(java.util.Locale.ROOT);
            assertThat(answer).as(request.substring(0, 20)).matches("(?s)http/1\\.[01] 4\\d\\d .*")
                    .contains("content-length: 0").endsWith("\r\n\r\n").doesNotContain("content-type");
        }
    }
}
