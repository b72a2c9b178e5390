package io.harmattan.security;

import io.harmattan.HarmattanConfig;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Pages: quarkus-oidc's code flow, plus a shortcut. Once OIDC has verified the session (decrypted
 * its cookie and checked the ID token's signature), the identity it found is kept for a short
 * while in a small cookie of our own, authenticated with an HMAC and bound to the OIDC session
 * cookie (see {@link #sessionBinding}). Requests that carry a valid one skip OIDC's verification, which is most of
 * the cost of an authenticated page. Anything else goes to OIDC as before: no identity cookie, an
 * expired one, a different OIDC session (a new sign-in, a token refresh), sign-out, the callback,
 * and the bearer-token API.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SessionMechanism implements HttpAuthenticationMechanism {

    static final String COOKIE = "hm_identity";
    /** How long a verified identity is reused before OIDC checks the session again. */
    static final long LIFETIME_SECONDS = 120;
    private static final int BINDING_TAIL = 64;
    private static final String LOGOUT_PATH = "/logout";
    private static final String CALLBACK_PATH = "/auth/callback";
    /** The ID token's Keycloak session id, which back-channel logout names. */
    static final String SID = "sid";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @Inject
    OidcAuthenticationMechanism oidc;

    @Inject
    Revocations revocations;

    private final Keys.Hmac identityKey;

    @Inject
    public SessionMechanism(HarmattanConfig config) {
        this.identityKey = Keys.hmac(config.formSecret(), Keys.Purpose.IDENTITY_COOKIE);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String path = context.normalizedPath();
        // Sign-out (SignOutResource) needs the ID token itself, to name the session to Keycloak.
        if (path.startsWith("/api/") || path.equals(CALLBACK_PATH) || path.equals(LOGOUT_PATH)) {
            return oidc.authenticate(context, identityProviderManager);
        }
        Instant now = Instant.now();
        Optional<Session> known = read(context, now);
        if (known.isPresent()) {
            if (!known.get().revoked()) {
                return Uni.createFrom().item(known.get().identity());
            }
            end(context);
            return Uni.createFrom().nullItem();
        }
        return oidc.authenticate(context, identityProviderManager).map(identity -> {
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken idToken) {
                if (revocations.isRevoked(idToken.getClaim(SID), idToken.getSubject(), idToken.getIssuedAtTime())) {
                    end(context);
                    return null;
                }
                write(context, identity, idToken, Instant.now());
            }
            return identity;
        });
    }

    /** A verified identity cookie's identity, and whether its session has ended since. */
    record Session(SecurityIdentity identity, boolean revoked) {
    }

    /** A revoked session's cookies are dropped, so the browser starts again with a sign-in. */
    private static void end(RoutingContext context) {
        // The request's cookies and the response's share one jar in Vert.x: read the names before adding.
        List<String> sessionCookies = context.request().cookies().stream().map(Cookie::getName)
                .filter(name -> name.startsWith("q_session")).toList();
        context.response().addCookie(expired(context, COOKIE));
        sessionCookies.forEach(name -> context.response().addCookie(expired(context, name)));
    }

    /** The identity in a valid, unexpired cookie bound to this request's OIDC session, if any. */
    Optional<Session> read(RoutingContext context, Instant now) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        String session = sessionBinding(context);
        if (session == null) {
            return Optional.empty();
        }
        String[] parts = cookie.getValue().split("\\.");
        if (parts.length != 9 || !"v2".equals(parts[0])) {
            return Optional.empty();
        }
        try {
            String signed = String.join(".", java.util.Arrays.copyOf(parts, 8));
            byte[] expected = hmac(signed + "." + session);
            if (!MessageDigest.isEqual(expected, B64D.decode(parts[8])) || Long.parseLong(parts[7]) <= now.getEpochSecond()) {
                return Optional.empty();
            }
            String subject = text(parts[1]);
            String sessionId = text(parts[5]);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(text(parts[2])))
                    .addAttribute(Viewer.SUBJECT, subject)
                    .addAttribute(Viewer.NAME, text(parts[3]))
                    .addAttribute(Viewer.SESSION_ID, sessionId);
            String roles = text(parts[4]);
            if (!roles.isEmpty()) {
                for (String role : roles.split(",")) {
                    identity.addRole(role);
                }
            }
            boolean revoked = revocations.isRevoked(sessionId.isEmpty() ? null : sessionId, subject, Long.parseLong(parts[6]));
            return Optional.of(new Session(identity.build(), revoked));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    void write(RoutingContext context, SecurityIdentity identity, JsonWebToken idToken, Instant now) {
        String session = sessionBinding(context);
        if (session == null) {
            return;
        }
        long expires = now.getEpochSecond() + LIFETIME_SECONDS;
        if (idToken.getExpirationTime() > 0) {
            expires = Math.min(expires, idToken.getExpirationTime());
        }
        String name = idToken.getClaim("name") == null ? "" : idToken.getClaim("name").toString();
        String sessionId = idToken.getClaim(SID) == null ? "" : idToken.getClaim(SID).toString();
        String signed = String.join(".", "v2", b64(idToken.getSubject()), b64(identity.getPrincipal().getName()), b64(name),
                b64(String.join(",", new TreeSet<>(identity.getRoles()))), b64(sessionId),
                Long.toString(idToken.getIssuedAtTime()), Long.toString(expires));
        String value = signed + "." + B64.encodeToString(hmac(signed + "." + session));
        context.response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setSecure("https".equals(context.request().scheme()))
                .setMaxAge(LIFETIME_SECONDS));
    }

    /**
     * What ties the identity cookie to one OIDC session: each session cookie's name, length and
     * last {@value #BINDING_TAIL} characters, null when there is none. quarkus-oidc encrypts the
     * session cookie afresh (new IV, new authentication tag, both at its end) whenever it writes
     * it, so a new sign-in or a refreshed token changes the tail. Hashing the whole 3 KB value on
     * every page bought nothing more: whoever can send our HttpOnly identity cookie can send the
     * session cookie beside it.
     */
    static String sessionBinding(RoutingContext context) {
        Set<Cookie> cookies = context.request().cookies();
        StringBuilder session = new StringBuilder(160);
        cookies.stream().filter(c -> c.getName().startsWith("q_session")).sorted(Comparator.comparing(Cookie::getName))
                .forEach(c -> {
                    String value = c.getValue();
                    session.append(c.getName()).append('=').append(value.length()).append(':')
                            .append(value, Math.max(0, value.length() - BINDING_TAIL), value.length()).append(';');
                });
        return session.length() == 0 ? null : session.toString();
    }

    private static Cookie expired(RoutingContext context, String name) {
        return Cookie.cookie(name, "").setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure("https".equals(context.request().scheme())).setMaxAge(0);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority();
    }

    private static String b64(String text) {
        return B64.encodeToString((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String b64) {
        return new String(B64D.decode(b64), StandardCharsets.UTF_8);
    }

    private byte[] hmac(String data) {
        return identityKey.sign(data);
    }
}
