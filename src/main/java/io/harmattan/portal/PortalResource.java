package io.harmattan.portal;

import io.harmattan.account.ClientOrganisation;
import io.harmattan.account.ClientUser;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/portal")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(ClientOrganisation organisation);
    }

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed(Roles.CLIENT)
    public TemplateInstance home() {
        ClientOrganisation organisation = ClientUser.withOrganisation(viewer.getSubject())
                .map(user -> user.organisation).orElse(null);
        return Templates.home(organisation);
    }
}
