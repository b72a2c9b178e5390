package io.harmattan.security;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The sign-in entry point: after Keycloak's login, each role lands on its own home. */
@Path("/home")
@Authenticated
public class HomeResource {

    @Inject
    Viewer viewer;

    @GET
    public Response home() {
        return Response.seeOther(URI.create(viewer.getHomePath())).build();
    }
}
