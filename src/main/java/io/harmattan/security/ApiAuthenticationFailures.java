package io.harmattan.security;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that fails verification is refused before any REST code runs; for the JSON API
 * the refusal is still JSON, like every other API error.
 */
@ApplicationScoped
public class ApiAuthenticationFailures {

    void install(@Observes Router router) {
        router.route("/api/*").failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
                context.response().setStatusCode(401)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end("{\"error\":\"authentication failed\"}");
            } else {
                context.next();
            }
        });
    }
}
