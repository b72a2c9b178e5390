package io.harmattan.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Keycloak going down must not take the public site or the app's readiness with it. */
@QuarkusTest
class KeycloakOutageTest {

    @Test
    void publicPagesAndReadinessSurviveKeycloakBeingDown() {
        TestStack.get().withKeycloakStopped(() -> {
            given().get("/").then().statusCode(200).body(containsString("African Security Analysis"));
            given().header("Accept-Language", "fr").get("/").then().statusCode(200)
                    .body(containsString("Opérer en confiance au Sahel"));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200);
            given().get("/css/app.css").then().statusCode(200);
            // Signing in cannot work without Keycloak, but the app still answers cleanly.
            given().redirects().follow(false).get("/console").then().statusCode(lessThan(500));
        });
    }
}
