package io.harmattan.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.harmattan.testing.CodeFlowLogin;
import io.harmattan.testing.Eventually;
import io.harmattan.testing.FormSession;
import io.harmattan.testing.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * A copied session cookie stops working when its session ends: signed out here, or ended in
 * Keycloak (an administrator's "sign out all sessions" reaches the app by back-channel logout).
 */
@QuarkusTest
class SignOutTest {

    @Inject
    Keycloak keycloak;

    @Inject
    EntityManager entityManager;

    private static Response get(String path, String cookies) {
        return given().redirects().follow(false).header("Cookie", cookies).get(path);
    }

    /** The session cookies plus the identity cookie of a first page: everything a thief would copy. */
    private static String copiedCookies(String session, String page) {
        Response first = get(page, session);
        assertThat(first.statusCode()).isEqualTo(200);
        String identity = first.getCookie(SessionMechanism.COOKIE);
        assertThat(identity).isNotNull();
        String copied = session + "; " + SessionMechanism.COOKIE + "=" + identity;
        assertThat(get(page, copied).statusCode()).isEqualTo(200);
        return copied;
    }

    @Test
    void aCopiedCookieIsRefusedAsSoonAsItsOwnerSignsOut() throws Exception {
        String session = CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/console", "demo-consultant", "demo");
        String copied = copiedCookies(session, "/console");

        Response signOut = new FormSession(session).open("/console").post(Map.of()).post("/logout");
        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.header("Location")).contains("/protocol/openid-connect/logout");

        // The browser never reached Keycloak's sign-out page (the thief's copy did not sign out): refused all the same.
        Response stolen = get("/console", copied);
        assertThat(stolen.statusCode()).isEqualTo(302);
        assertThat(stolen.header("Location")).contains("/protocol/openid-connect/auth");
        assertThat(stolen.getDetailedCookie(SessionMechanism.COOKIE).getMaxAge()).isZero();
        assertThat(get("/console", session).statusCode()).as("without the identity cookie too").isEqualTo(302);
        assertThat(Eventually.until(() -> revocations("signed out"), n -> n > 0)).isPositive();
    }

    @Test
    void signingOutEverywhereInKeycloakEndsTheSessionHereByBackChannelLogout() throws Exception {
        String session = CodeFlowLogin.sessionCookies(TestStack.get().appUrl(), "/portal", "sarah.whitfield", "demo");
        String copied = copiedCookies(session, "/portal");
        long before = revocations("back-channel logout");

        String id = keycloak.realm("harmattan").users().searchByUsername("sarah.whitfield", true).get(0).getId();
        keycloak.realm("harmattan").users().get(id).logout();

        // Keycloak calls the app while it signs the person out; the record is written a moment later.
        assertThat(Eventually.until(() -> revocations("back-channel logout"), n -> n > before)).isGreaterThan(before);
        Response refused = get("/portal", copied);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).contains("/protocol/openid-connect/auth");
    }

    private long revocations(String reason) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT COUNT(*) FROM revoked_session WHERE reason = ?1").setParameter(1, reason)
                .getSingleResult()).longValue());
    }
}
