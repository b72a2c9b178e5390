package io.harmattan.briefing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.harmattan.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/v1/match against the seeded briefings (db/demo/R__demo_briefings.sql). */
@QuarkusTest
class MatchApiTest {

    private static io.restassured.specification.RequestSpecification asConsultant() {
        return given().auth().oauth2(Tokens.accessToken("demo-consultant")).contentType(ContentType.JSON);
    }

    @Test
    void textRevealsSectorCountryAndPlaceAndRanksPublishedBriefingsWithReasons() {
        asConsultant().body("{\"text\":\"We plan to expand near Sadiola; gold output and convoy security.\"}")
                .when().post("/api/v1/match")
                .then().statusCode(200)
                .body("inferred.sectors.code", hasItem("mining"))
                .body("inferred.sectors.find { it.code == 'mining' }.evidence", contains("gold"))
                .body("inferred.countries.code", contains("ML"))
                .body("inferred.countries[0].evidence", contains("Sadiola"))
                .body("inferred.places", contains(java.util.Map.of("name", "Sadiola", "country", "ML")))
                // The seeded Mali mining briefings tie on score; the newer (12) comes before 2. (Other tests may
                // publish more of them, so positions are checked relative to each other.)
                .body("briefings.id", hasItem(12)).body("briefings.id", hasItem(2))
                .body("briefings.find { it.id == 2 }.countries", contains("ML"))
                .body("briefings.find { it.id == 2 }.sectors", contains("mining"))
                .body("briefings.find { it.id == 2 }.score", equalTo(0.7f))
                .body("briefings.find { it.id == 2 }.reasons[0]", containsString("Sadiola"))
                .body("briefings.find { it.id == 2 }.reasons[0]", containsString("gold"))
                .body("briefings.id", not(hasItem(13))).body("briefings.id", not(hasItem(14)))
                .body("briefings.id", not(hasItem(8)));
    }

    @Test
    void equalScoresGoToTheNewerBriefing() {
        java.util.List<Integer> ids = asConsultant().body("{\"sectors\":[\"mining\"],\"countries\":[\"ML\"]}")
                .when().post("/api/v1/match").then().statusCode(200).extract().path("briefings.id");
        org.assertj.core.api.Assertions.assertThat(ids).containsSubsequence(12, 2);
    }

    @Test
    void scoresFollowTheDocumentedWeights() {
        asConsultant().body("{\"sectors\":[\"energy\"],\"countries\":[\"NE\"]}")
                .when().post("/api/v1/match")
                .then().statusCode(200)
                .body("inferred.sectors", org.hamcrest.Matchers.empty())
                .body("briefings[0].id", equalTo(9)).body("briefings[0].score", equalTo(1.0f))
                .body("briefings[0].reasons[0]", equalTo("Energy × Niger, as declared"));
    }

    @Test
    void reasonsComeInTheLanguageAsked() {
        asConsultant().header("Accept-Language", "fr").body("{\"text\":\"orpaillage à Kéniéba\"}")
                .when().post("/api/v1/match")
                .then().statusCode(200)
                .body("briefings[0].reasons[0]", containsString("d’après « orpaillage » et « Kéniéba »"));
    }

    @Test
    void placesOutsideTheThreeCountriesMatchNothing() {
        asConsultant().body("{\"text\":\"Offices in Dakar, Abidjan and Accra; oil in the Niger Delta.\"}")
                .when().post("/api/v1/match")
                .then().statusCode(200)
                .body("inferred.countries", org.hamcrest.Matchers.empty())
                .body("inferred.places", org.hamcrest.Matchers.empty())
                .body("briefings.id", everyItem(org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void badInputIsA400WithFieldErrors() {
        asConsultant().body("{\"sectors\":[\"weapons\"],\"countries\":[\"SN\"]}")
                .when().post("/api/v1/match")
                .then().statusCode(400)
                .body("errors.field", contains("sectors", "countries"));
        asConsultant().body("{\"text\":\"" + "x".repeat(20_001) + "\"}")
                .when().post("/api/v1/match")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        asConsultant().body("{\"text\": ")
                .when().post("/api/v1/match")
                .then().statusCode(400);
        // A null inside a list of codes is a field error, not a server error.
        asConsultant().body("{\"sectors\":[null],\"countries\":[\"ML\", null]}")
                .when().post("/api/v1/match")
                .then().statusCode(400).body("errors.field", contains("sectors", "countries"));
        asConsultant().contentType(ContentType.TEXT).body("gold")
                .when().post("/api/v1/match")
                .then().statusCode(415);
    }

    @Test
    void onlyConsultantsMayAsk() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/match")
                .then().statusCode(401).contentType(containsString("application/json"));
        given().auth().oauth2(Tokens.accessToken("demo-client")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/match")
                .then().statusCode(403);
        for (String user : List.of("demo-lead", "demo-consultant")) {
            given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/match")
                    .then().statusCode(200).body("briefings", org.hamcrest.Matchers.empty());
        }
    }
}
