package io.harmattan.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.harmattan.testing.TestStack;
import io.harmattan.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AccessControlTest {

    @ParameterizedTest
    @ValueSource(strings = {"/console", "/portal", "/admin", "/home"})
    void anonymousVisitorIsSentToKeycloakToSignIn(String path) {
        given().redirects().follow(false)
                .when().get(path)
                .then().statusCode(302)
                .header("Location", startsWith(TestStack.get().keycloak.realmUrl() + "/protocol/openid-connect/auth"))
                .header("Location", org.hamcrest.Matchers.containsString("code_challenge_method=S256"));
    }

    @Test
    void consultantBearerTokenIsAcceptedOnAConsultantOnlyEndpoint() {
        given().auth().oauth2(Tokens.accessToken("demo-consultant"))
                .when().get("/api/v1/reference-data")
                .then().statusCode(200)
                .body("countries.code", hasItems("BF", "ML", "NE"))
                .body("sectors.fr", hasItems("Mines", "Énergie"));
    }

    @Test
    void leadConsultantInheritsTheConsultantRole() {
        given().auth().oauth2(Tokens.accessToken("demo-lead"))
                .when().get("/api/v1/reference-data")
                .then().statusCode(200);
    }

    @Test
    void clientBearerTokenIsRefusedOnAConsultantOnlyEndpoint() {
        given().auth().oauth2(Tokens.accessToken("demo-client"))
                .when().get("/api/v1/reference-data")
                .then().statusCode(403);
    }

    @Test
    void apiWithoutATokenAnswers401InJsonNotARedirect() {
        given().redirects().follow(false)
                .when().get("/api/v1/reference-data")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(org.hamcrest.Matchers.containsString("application/json"))
                .body("error", org.hamcrest.Matchers.equalTo("authentication required"));
    }

    @Test
    void forgedBearerTokenIsRefused() {
        String token = Tokens.accessToken("demo-client");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].replace('A', 'B') + "." + parts[2];
        given().auth().oauth2(forged)
                .when().get("/api/v1/reference-data")
                .then().statusCode(401)
                .contentType(org.hamcrest.Matchers.containsString("application/json"))
                .body("error", org.hamcrest.Matchers.equalTo("authentication failed"));
    }
}
