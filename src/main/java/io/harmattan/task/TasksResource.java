package io.harmattan.task;

import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.staff.Consultants;
import io.harmattan.web.Flash;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** "My tasks": a consultant's open follow-ups, the longest overdue first, and marking one done. */
@Path("/console/tasks")
@RolesAllowed(Roles.CONSULTANT)
@Produces(MediaType.TEXT_HTML)
public class TasksResource {

    /** The list as the page shows it. */
    public record Page(List<Tasks.Row> tasks, LocalDate today) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(Page page);
    }

    @Inject
    Tasks tasks;

    @Inject
    Consultants consultants;

    @Inject
    Viewer viewer;

    @Inject
    HttpServerRequest request;

    @GET
    public TemplateInstance mine() {
        consultants.seen(viewer);
        return Templates.mine(QuarkusTransaction.requiringNew().call(() -> new Page(tasks.openFor(viewer.getUsername()),
                LocalDate.now(ZoneOffset.UTC))));
    }

    /** Marks a task done, from "My tasks" or from its lead's page ({@code back=lead}); back to where it was done. */
    @POST
    @Path("{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(@PathParam("id") long id, @RestForm String back) {
        long lead;
        try {
            lead = tasks.finish(id, viewer.getUsername());
        } catch (Tasks.Refused e) {
            throw new NotFoundException();
        }
        boolean https = "https".equals(request.scheme());
        return "lead".equals(back) ? Flash.redirect("/console/leads/" + lead, Flash.TASK_DONE, https)
                : Flash.redirect("/console/tasks", Flash.TASK_DONE, https);
    }
}
