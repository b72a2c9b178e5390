package io.harmattan.security;

import io.harmattan.HarmattanConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Security headers on every response, redirects and errors included: the handler runs before
 * anything else, authentication too, and sets them before any other handler can answer.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    /** Static assets carry no personal data and may be cached; everything else may not. */
    static boolean isStaticAsset(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.equals("/favicon.svg");
    }

    /** Matrix parameters (";x"), plain or percent-encoded, anywhere in the raw path. */
    static boolean hasPathParameters(String rawPath) {
        return rawPath != null && (rawPath.indexOf(';') >= 0 || rawPath.toLowerCase(java.util.Locale.ROOT).contains("%3b"));
    }

    /**
     * A Set-Cookie header as it should leave: SameSite=Lax where the code that set it said nothing
     * (quarkus-rest-csrf cannot), and Secure when cookies must be secure whatever the request's scheme.
     */
    static String harden(String setCookie, boolean secure) {
        String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
        StringBuilder cookie = new StringBuilder(setCookie);
        if (!lower.contains("samesite=")) {
            cookie.append("; SameSite=Lax");
        }
        if (secure && !java.util.Arrays.stream(lower.split(";")).map(String::strip).anyMatch("secure"::equals)) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    @Inject
    HarmattanConfig config;

    /**
     * JAX-RS turns a redirect to "/portal" into an absolute URL built from the request's Host
     * header, which the client chose. A redirect back to this site leaves as a path instead; links
     * to other sites (Keycloak) keep their own address. Absolute links in mails use the configured
     * public URL, never a request's Host.
     */
    static String withoutOwnHost(String location, String requestHost) {
        if (requestHost == null) {
            return location;
        }
        try {
            java.net.URI uri = new java.net.URI(location);
            String authority = uri.getRawAuthority();
            if (!uri.isAbsolute() || authority == null || !authority.equalsIgnoreCase(requestHost)) {
                return location;
            }
            // "//other.example/" or "/\\other.example/" as a path would send the browser to another site.
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
                    : uri.getRawPath().replaceFirst("^[/\\\\]+", "/");
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (java.net.URISyntaxException notAUri) {
            return location;
        }
    }

    /**
     * Cookies leave by two roads: Set-Cookie headers (JAX-RS NewCookie) and Vert.x' cookie jar
     * (OIDC, the CSRF extension, the identity cookie), which is written after this runs.
     */
    private static void hardenCookies(RoutingContext context, boolean secure) {
        java.util.List<String> headers = context.response().headers().getAll("Set-Cookie");
        if (!headers.isEmpty()) {
            context.response().headers().remove("Set-Cookie");
            headers.forEach(cookie -> context.response().headers().add("Set-Cookie", harden(cookie, secure)));
        }
        for (Cookie cookie : context.request().cookies()) {
            if (cookie instanceof ServerCookie outgoing && outgoing.isChanged()) {
                if (cookie.getSameSite() == null) {
                    cookie.setSameSite(CookieSameSite.LAX);
                }
                if (secure && !cookie.isSecure()) {
                    cookie.setSecure(true);
                }
            }
        }
    }

    void install(@Observes Router router) {
        boolean secureCookies = config.secureCookies();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                hardenCookies(context, secureCookies);
                String location = context.response().headers().get("Location");
                if (location != null) {
                    context.response().headers().set("Location", withoutOwnHost(location, context.request().host()));
                }
            });
            if (context.request().method() == HttpMethod.TRACE) {
                context.response().setStatusCode(405).putHeader("Allow", "GET, HEAD, POST").end();
                return;
            }
            HttpServerResponse response = context.response();
            response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.putHeader("X-Content-Type-Options", "nosniff");
            response.putHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            response.putHeader("X-Frame-Options", "DENY");
            response.putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if ("https".equals(context.request().scheme())) {
                response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            if (isStaticAsset(context.normalizedPath())) {
                response.putHeader("Cache-Control", "public, max-age=86400");
            } else {
                response.putHeader("Cache-Control", "no-store");
            }
            if (hasPathParameters(context.request().path())) {
                // "/api;x/v1/..." is routed to /api/v1/... but escapes every check made on the path's
                // prefix (which OIDC tenant, which cookie): no page or API of ours uses ';', so refuse it.
                response.setStatusCode(400).putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .end("Bad request: ';' is not allowed in a path.\n");
                return;
            }
            context.next();
        });
    }
}
