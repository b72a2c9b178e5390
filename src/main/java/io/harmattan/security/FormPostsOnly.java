package io.harmattan.security;

import io.harmattan.web.ErrorPages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Pages change things only through HTML forms, whose bodies carry the CSRF token that
 * quarkus-rest-csrf verifies. That filter checks form bodies only, so any other state-changing
 * request outside the bearer-token API (no body at all, text/plain as a cross-site form can send,
 * JSON) is refused here with a 415, before it reaches a resource.
 */
public class FormPostsOnly {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public Response requireFormBody(ContainerRequestContext request) {
        if (!CHANGING.contains(request.getMethod()) || request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return null;
        }
        return ErrorPages.respond(Response.Status.UNSUPPORTED_MEDIA_TYPE.getStatusCode(), "form bodies only",
                request.getUriInfo().getPath());
    }
}
