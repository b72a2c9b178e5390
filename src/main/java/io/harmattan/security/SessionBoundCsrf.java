package io.harmattan.security;

import io.harmattan.HarmattanConfig;
import io.harmattan.web.RefusedForms;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF tokens of signed-in pages belong to their session. quarkus-rest-csrf checks that a form's
 * token matches the CSRF cookie, and any anonymously fetched pair passes that check; so a page
 * shown to a signed-in person also carries {@value #FIELD}, an HMAC of the form's token and the
 * person's Keycloak session, and a signed-in form post without the right one is refused. A token
 * pair planted from outside, or a form from another sign-in, no longer works.
 */
@Named("csrfSession")
@ApplicationScoped
public class SessionBoundCsrf {

    public static final String FIELD = "csrf-session";
    private static final String TOKEN_FIELD = "csrf-token";
    /** Where quarkus-rest-csrf leaves this request's form token for the page. */
    private static final String TOKEN_KEY = "csrf_token";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Keys.Hmac key;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Viewer viewer;

    @Inject
    public SessionBoundCsrf(HarmattanConfig config) {
        this.key = Keys.hmac(config.formSecret(), Keys.Purpose.CSRF_SESSION);
    }

    /**
     * This request's CSRF token: the one quarkus-rest-csrf handed the page, or else the one its
     * cookie holds. Error pages (a 403, a 404) are rendered without the extension's filter, yet
     * their sign-out button needs a token too.
     */
    public String getToken() {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            return "";
        }
        Object token = context.get(TOKEN_KEY);
        if (token != null) {
            return token.toString();
        }
        io.vertx.core.http.Cookie cookie = context.request().getCookie(TOKEN_FIELD);
        return cookie == null ? "" : cookie.getValue();
    }

    /** The value of the page's {@value #FIELD} field; empty for a visitor who is not signed in. */
    public String getField() {
        String token = getToken();
        return identity.isAnonymous() || token.isEmpty() ? "" : sign(token, binding());
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext context) {
        if (identity.isAnonymous() || !CHANGING.contains(context.getMethod())
                || context.getUriInfo().getPath().startsWith("/api/") || context.getMediaType() == null
                || !(context.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || context.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return null;
        }
        ResteasyReactiveRequestContext form = (ResteasyReactiveRequestContext) context.getServerRequestContext();
        Object token = form.getFormParameter(TOKEN_FIELD, true, false);
        Object bound = form.getFormParameter(FIELD, true, false);
        if (token instanceof String t && bound instanceof String b
                && MessageDigest.isEqual(sign(t, binding()).getBytes(), b.getBytes())) {
            return null;
        }
        RefusedForms.markRefused(request.getCurrent());
        return Response.status(Response.Status.BAD_REQUEST).build();
    }

    private String binding() {
        String session = viewer.getSessionId();
        return viewer.getSubject() + "\n" + (session == null ? "" : session);
    }

    private String sign(String token, String binding) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(token + "\n" + binding));
    }
}
