package io.harmattan.security;

import io.harmattan.HarmattanConfig;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sign-out: the button on every signed-in page, a form POST whose CSRF token (bound to the
 * session) is checked like any other, so no other site can sign a person out. The session ends
 * here at once, on every instance (Revocations); the browser then goes to Keycloak's sign-out,
 * which ends the Keycloak session and comes back to /signed-out.
 */
@Path("/logout")
public class SignOutResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcConfigurationMetadata keycloak;

    @Inject
    Revocations revocations;

    @Inject
    HarmattanConfig config;

    @Inject
    HttpServerRequest request;

    @POST
    @PermitAll
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Response signOut() {
        URI signedOut = URI.create(config.publicUrl() + "/signed-out");
        Response.ResponseBuilder answer;
        if (identity.getPrincipal() instanceof JsonWebToken idToken && idToken.getRawToken() != null) {
            Object sid = idToken.getClaim(SessionMechanism.SID);
            revocations.revokeSession(sid == null ? null : sid.toString(), idToken.getSubject(), "signed out");
            answer = Response.seeOther(UriBuilder.fromUri(keycloak.getEndSessionUri())
                    .queryParam("id_token_hint", idToken.getRawToken())
                    .queryParam("post_logout_redirect_uri", signedOut).build());
        } else {
            answer = Response.seeOther(signedOut);
        }
        for (Cookie cookie : request.cookies()) {
            if (cookie.getName().startsWith("q_session") || cookie.getName().equals(SessionMechanism.COOKIE)) {
                answer.cookie(new NewCookie.Builder(cookie.getName()).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX).build());
            }
        }
        return answer.build();
    }
}
