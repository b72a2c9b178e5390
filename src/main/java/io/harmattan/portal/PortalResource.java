package io.harmattan.portal;

import io.harmattan.account.Memberships;
import io.harmattan.account.Memberships.Membership;
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

/** The client's home: their role and the organisation they read for, from the same cache as every portal page. */
@Path("/portal")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Membership organisation);
    }

    @Inject
    Viewer viewer;

    @Inject
    Memberships memberships;

    @GET
    @RolesAllowed(Roles.CLIENT)
    public TemplateInstance home() {
        return Templates.home(memberships.require(viewer.getSubject()));
    }
}
