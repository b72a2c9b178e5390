package io.harmattan.console;

import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.triage.Consultants;
import jakarta.inject.Inject;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/console")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @Inject
    Consultants consultants;

    @Inject
    Viewer viewer;

    @GET
    @RolesAllowed(Roles.CONSULTANT)
    public TemplateInstance home() {
        // Right after sign-in the ID token is at hand: the consultant joins the list of possible assignees.
        consultants.seen(viewer);
        return Templates.home();
    }
}
