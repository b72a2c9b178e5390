package io.harmattan.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LandingPageTest {

    @Test
    void landingPageAnswersAnonymouslyWithTheFirmName() {
        given().redirects().follow(false)
                .when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("African Security Analysis"))
                .body(containsString("href=\"/interest\""))
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void landingPageSpeaksFrenchToAFrenchBrowser() {
        given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5")
                .when().get("/")
                .then().statusCode(200)
                .header("Content-Language", "fr")
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Opérer en confiance au Sahel"));
    }

    @Test
    void unknownPageAnswersA404PageInTheVisitorsLanguage() {
        given().header("Accept-Language", "fr")
                .when().get("/no-such-page")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Page introuvable"));
    }
}
