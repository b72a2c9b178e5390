package io.harmattan.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors as pages in the layout, in the visitor's language, with no stack trace or internal
 * detail; the JSON API gets JSON errors instead.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, boolean accessEnded);
    }

    public record ApiError(String error) {
    }

    @ServerExceptionMapper
    public Response accessEnded(AccessEnded e, UriInfo uri) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(Response.Status.FORBIDDEN.getStatusCode(), true)).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Response.Status.FORBIDDEN.getStatusCode(), "forbidden", uri);
    }

    /**
     * The JSON API says 401 in JSON; a page hands over to the authentication mechanism, exactly
     * as Quarkus' own mapper does, so that quarkus-oidc sends the browser to sign in.
     */
    @jakarta.inject.Inject
    SignInService signIn;

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, UriInfo uri, RoutingContext context) {
        if (!isApi(uri) && !signIn.isAvailable()) {
            // Keycloak is away: say so here rather than send the browser to a server it cannot reach.
            return Uni.createFrom().item(Response.fromResponse(respond(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                    "sign-in unavailable", uri)).header(HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS).build());
        }
        if (!isApi(uri)) {
            return signInChallenge(context);
        }
        return Uni.createFrom().item(Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(new ApiError("authentication required")).build());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Response.Status.NOT_FOUND.getStatusCode(), "not found", uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(Response.Status.METHOD_NOT_ALLOWED.getStatusCode(), "method not allowed", uri);
    }

    /**
     * JSON that does not parse, or parses into the wrong shape (an array for an object, an object
     * for a string): the caller's mistake, answered as such rather than by Jackson's bare 400.
     */
    @ServerExceptionMapper({com.fasterxml.jackson.core.JsonProcessingException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class})
    public Response unreadableJson(Exception e, UriInfo uri) {
        return respond(Response.Status.BAD_REQUEST.getStatusCode(), "the body is not a JSON object of the expected shape", uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return respond(web.getResponse().getStatus(), "request refused", uri);
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("Failed to decode")) {
            // A form body with broken percent-encoding ("%ZZ"): the sender's mistake.
            return respond(Response.Status.BAD_REQUEST.getStatusCode(), "the body is not valid form encoding", uri);
        }
        if (Unavailable.isCause(e)) {
            // The database cannot serve right now (down, read-only, full, locked): say so and when to come back.
            LOG.warnf("Service unavailable on %s: %s", uri.getPath(), rootMessage(e));
            return Response.fromResponse(respond(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                    "service temporarily unavailable; retry later", uri))
                    .header(HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return respond(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal error", uri);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Asks the authentication mechanism (quarkus-oidc's code flow) how to challenge: a redirect to sign in. */
    private static Uni<Response> signInChallenge(RoutingContext context) {
        Response fallback = Response.status(Response.Status.UNAUTHORIZED).build();
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(fallback);
        }
        return authenticator.getChallenge(context).map(challenge -> {
            if (challenge == null) {
                return fallback;
            }
            Response.ResponseBuilder response = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
            return response.build();
        }).onFailure().recoverWithItem(fallback);
    }

    static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    private static Response respond(int status, String apiMessage, UriInfo uri) {
        return respond(status, apiMessage, uri.getPath());
    }

    /** The error page (or, under /api/, the JSON error) for a status, for filters that refuse before any resource. */
    public static Response respond(int status, String apiMessage, String path) {
        if (path.startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(apiMessage)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, false)).build();
    }
}
