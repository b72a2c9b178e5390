package io.harmattan.security;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
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
            context.next();
        });
    }
}
