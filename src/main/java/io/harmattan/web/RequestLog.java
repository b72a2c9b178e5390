package io.harmattan.web;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One log line per request (category {@code io.harmattan.access}): method, path, status, duration
 * and the route template that served it, which groups "/console/leads/42" and "/console/leads/43"
 * as one route. The query string is never logged: it can hold a searched name or email. With JSON
 * logs (HARMATTAN_LOG_JSON=true) the same figures are fields of their own (method, route, status, millis).
 */
@ApplicationScoped
public class RequestLog {

    private static final Logger LOG = Logger.getLogger("io.harmattan.access");
    /** Where Quarkus REST puts the matched resource path for its HTTP metrics: a local of the request's Vert.x context. */
    static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    void install(@Observes Router router) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            long start = System.nanoTime();
            context.addEndHandler(ended -> log(context, (System.nanoTime() - start) / 1_000_000));
            context.next();
        });
    }

    private static void log(RoutingContext context, long millis) {
        String method = context.request().method().name();
        String path = context.request().path();
        Object template = context.request() instanceof HttpServerRequestInternal internal
                ? internal.context().getLocal(ROUTE_TEMPLATE) : null;
        String route = template == null ? "-" : template.toString();
        int status = context.response().getStatusCode();
        MDC.put("method", method);
        MDC.put("route", route);
        MDC.put("status", Integer.toString(status));
        MDC.put("millis", Long.toString(millis));
        try {
            LOG.info(line(method, path, status, millis, route));
        } finally {
            MDC.remove("method");
            MDC.remove("route");
            MDC.remove("status");
            MDC.remove("millis");
        }
    }

    /** "POST /interest 303 12 ms route=/interest". The path is as sent, percent-encoded: no line break can get in. */
    static String line(String method, String path, int status, long millis, String route) {
        return method + " " + path + " " + status + " " + millis + " ms route=" + route;
    }
}
