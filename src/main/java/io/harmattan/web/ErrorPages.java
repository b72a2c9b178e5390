package io.harmattan.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
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
        static native TemplateInstance error(int status);
    }

    public record ApiError(String error) {
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Response.Status.FORBIDDEN.getStatusCode(), "forbidden", uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Response.Status.NOT_FOUND.getStatusCode(), "not found", uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(Response.Status.METHOD_NOT_ALLOWED.getStatusCode(), "method not allowed", uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return respond(web.getResponse().getStatus(), "request refused", uri);
        }
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return respond(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal error", uri);
    }

    private static Response respond(int status, String apiMessage, UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(apiMessage)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status)).build();
    }
}
