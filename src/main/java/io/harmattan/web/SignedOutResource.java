package io.harmattan.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Where Keycloak sends the browser after sign-out: back home, saying so. */
@Path("/signed-out")
public class SignedOutResource {

    @GET
    @PermitAll
    public Response signedOut(@Context UriInfo uri) {
        boolean https = "https".equals(uri.getRequestUri().getScheme());
        return Response.seeOther(URI.create("/")).cookie(Flash.set(Flash.SIGNED_OUT, https)).build();
    }
}
