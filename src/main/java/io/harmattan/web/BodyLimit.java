package io.harmattan.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than the limit (quarkus.http.limits.max-body-size) is refused before it is
 * read, with a 413 that says so in the endpoint's own format: JSON under /api/, a page in both
 * languages elsewhere. (Quarkus' own check, which still covers chunked bodies, answers with no body.)
 */
@ApplicationScoped
public class BodyLimit {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Too much to send</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
            <h1>Too much to send</h1>
            <p>What you sent is larger than we accept (%1$d KB). Go back, shorten the longest text and send again.</p>
            <h1 lang="fr">Envoi trop volumineux</h1>
            <p lang="fr">Votre envoi dépasse la taille acceptée (%1$d Ko). Revenez en arrière, raccourcissez le texte le plus long
            et renvoyez.</p>
            </body></html>
            """;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        String page = PAGE.formatted(limit / 1024);
        String json = "{\"error\":\"the body is larger than " + limit / 1024 + " KB\"}";
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (announcedLength(context.request().getHeader("Content-Length")) > limit) {
                boolean api = context.request().path().startsWith("/api/");
                context.response().setStatusCode(413).putHeader("Connection", "close")
                        .putHeader("Content-Type", api ? "application/json" : "text/html; charset=UTF-8")
                        .end(api ? json : page);
                return;
            }
            context.next();
        });
    }

    static long announcedLength(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
