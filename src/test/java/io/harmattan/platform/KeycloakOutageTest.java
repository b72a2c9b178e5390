package io.harmattan.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.harmattan.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Keycloak going down must not take the public site or the app's readiness with it. */
@QuarkusTest
class KeycloakOutageTest {

    private static <T> T eventually(java.util.function.Supplier<T> value, java.util.function.Predicate<T> done) {
        try {
            return io.harmattan.testing.Eventually.until(value, done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void publicPagesAndReadinessSurviveKeycloakBeingDown() {
        TestStack.get().withKeycloakStopped(() -> {
            given().get("/").then().statusCode(200).body(containsString("African Security Analysis"));
            given().header("Accept-Language", "fr").get("/").then().statusCode(200)
                    .body(containsString("Opérer en confiance au Sahel"));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200);
            given().get("/css/app.css").then().statusCode(200);
            // Signing in cannot work without Keycloak: within the 5 s between checks, the app says so itself.
            io.restassured.response.Response signIn = eventually(() -> given().redirects().follow(false)
                    .header("Accept-Language", "fr").get("/console"), answer -> answer.statusCode() == 503);
            org.assertj.core.api.Assertions.assertThat(signIn.statusCode()).isEqualTo(503);
            org.assertj.core.api.Assertions.assertThat(signIn.header("Retry-After")).isEqualTo("10");
            org.assertj.core.api.Assertions.assertThat(signIn.asString()).contains("Service momentanément indisponible");
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'Keycloak' }.status", equalTo("DOWN"));
            given().get("/q/health/ready").then().statusCode(200);
        });
        // Back: the app notices within a second, and the next test signs in as usual.
        int well = eventually(() -> given().get("/q/health/well").statusCode(), status -> status == 200);
        org.assertj.core.api.Assertions.assertThat(well).isEqualTo(200);
    }
}
