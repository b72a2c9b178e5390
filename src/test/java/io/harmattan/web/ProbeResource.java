package io.harmattan.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Exists only in tests: a page with one form built from the shared tags, and endpoints that fail,
 * so the shell's CSRF check, field tag and error pages can be exercised before real forms exist.
 */
@Path("/")
public class ProbeResource {

    private static final String FORM = """
            {#include layout}
            <form method="post" action="/test-probe/form">
            {#csrf /}
            {#field name="email" label="Email" value=value error=error required=true maxlength=254 autocomplete="email" /}
            <button type="submit" class="primary" id="send">Send</button>
            </form>
            {/include}""";

    @Inject
    Engine engine;

    @GET
    @Path("test-probe/form")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return engine.parse(FORM).data("value", "").data("error", null);
    }

    @POST
    @Path("test-probe/form")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance submit(@RestForm String email) {
        String error = email == null || !email.contains("@") ? "Enter a valid email address" : null;
        return engine.parse(FORM).data("value", email).data("error", error);
    }

    @GET
    @Path("test-probe/boom")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String boom() {
        throw new IllegalStateException("secret internal detail: jdbc:mysql://db-password@10.0.0.1");
    }

    @GET
    @Path("api/test-probe/boom")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public String apiBoom() {
        throw new IllegalStateException("secret internal detail: jdbc:mysql://db-password@10.0.0.1");
    }

    /** What the database's driver throws while the server is down. */
    @GET
    @Path("test-probe/unavailable")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String unavailable() {
        throw new jakarta.persistence.PersistenceException(new java.sql.SQLNonTransientConnectionException(
                "Could not create connection to database server", "08001"));
    }

    @GET
    @Path("api/test-probe/unavailable")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public String apiUnavailable() {
        throw new jakarta.persistence.PersistenceException(new java.sql.SQLException(
                "The MariaDB server is running with the --read-only option", "HY000", 1290));
    }
}
