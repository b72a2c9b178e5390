package io.harmattan.console;

import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.staff.Consultants;
import io.harmattan.task.Tasks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;

@Path("/console")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Tasks.Count tasks);
    }

    @Inject
    Consultants consultants;

    @Inject
    Viewer viewer;

    @Inject
    Tasks tasks;

    @GET
    @RolesAllowed(Roles.CONSULTANT)
    public TemplateInstance home() {
        // Right after sign-in the ID token is at hand: the consultant joins the list of possible assignees.
        consultants.seen(viewer);
        return Templates.home(tasks.count(viewer.getUsername(), LocalDate.now(ZoneOffset.UTC)));
    }
}
