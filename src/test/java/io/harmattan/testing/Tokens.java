package io.harmattan.testing;

import static io.restassured.RestAssured.given;

/** Access tokens from the real Keycloak through the dev/test-only password-grant client. */
public final class Tokens {

    public static final String PASSWORD = "demo";

    private Tokens() {
    }

    public static String accessToken(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "harmattan-cli")
                .formParam("username", username).formParam("password", PASSWORD)
                .post(TestStack.get().keycloak.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
