package io.harmattan.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** The language switch: remembers the choice in a cookie and returns to the page, never elsewhere. */
@Path("/language")
public class LanguageResource {

    @GET
    @Path("/{language}")
    @PermitAll
    public Response choose(@PathParam("language") String language, @QueryParam("return") String returnPath,
            @Context UriInfo uri) {
        // The Location header as it is: the builder would encode the query's "%" a second time.
        Response.ResponseBuilder redirect = Response.status(Response.Status.SEE_OTHER).header("Location", safeLocalPath(returnPath));
        if (Locales.SUPPORTED.contains(language)) {
            redirect.cookie(Locales.cookie(language, "https".equals(uri.getRequestUri().getScheme())));
        }
        return redirect.build();
    }

    /**
     * Only a path on this site: "//host" or "/\\host" would leave it, so those go home; spaces are
     * encoded, and anything else that is no valid URI goes home too.
     */
    static String safeLocalPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return "/";
        }
        String encoded = path.replace(" ", "%20");
        try {
            URI.create(encoded);
            return encoded;
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
    }
}
