package io.harmattan.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Where Keycloak sends the browser after sign-out: back home, saying so. */
@Path("/signed-out")
public class SignedOutResource {

    @GET
    @PermitAll
    public Response signedOut() {
        return Response.seeOther(URI.create("/")).cookie(Flash.set(Flash.SIGNED_OUT)).build();
    }
}
