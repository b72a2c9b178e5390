package io.harmattan.triage;

import io.harmattan.matching.MatchEngine;
import io.harmattan.proposal.ProposalViews;
import io.harmattan.reference.AdvisoryService;
import io.harmattan.reference.Choice;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.web.Flash;
import io.harmattan.web.Locales;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The triage console: the inbox, the quarantine, a lead's page and what consultants do there. */
@Path("/console/leads")
@RolesAllowed(Roles.CONSULTANT)
@Produces(MediaType.TEXT_HTML)
public class LeadsResource {

    /** The inbox page: counts, the filter as chosen, the page of rows and the choices for the filter form. */
    public record InboxPage(InboxFilter filter, Map<String, Long> counts, Inbox.Page page, ResponseClock clock,
            Instant now, List<Choice> countries, List<Choice> sectors, List<Choice> services,
            List<Consultant.Assignee> consultants) {

        public ResponseClock.Reading clockOf(Inbox.Row row) {
            return clock.read(row.submittedAt(), row.firstResponseAt(), now);
        }
    }

    /** The lead page, plus what went wrong with the last action and what the consultant had typed. */
    public record Page(LeadView view, String error, boolean conflict, String typedNote, String typedReason,
            List<Choice> countries, List<Choice> sectors, List<ProposalViews.Row> proposals) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(InboxPage inbox);

        static native TemplateInstance lead(Page page);
    }

    @Inject
    Inbox inbox;

    @Inject
    LeadViews views;

    @Inject
    Triage triage;

    @Inject
    LeadExport export;

    @Inject
    ProposalViews proposals;

    @Inject
    Consultants consultants;

    @Inject
    Viewer viewer;

    @Inject
    Locales locales;

    @Inject
    HttpServerRequest request;

    @GET
    public TemplateInstance inbox(@QueryParam("status") String status, @QueryParam("country") String country,
            @QueryParam("sector") String sector, @QueryParam("service") String service,
            @QueryParam("assignee") String assignee, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String text, @QueryParam("sort") String sort, @QueryParam("after") String after) {
        return list(InboxFilter.of(status, country, sector, service, assignee, from, to, text, sort, after, false));
    }

    @GET
    @Path("quarantine")
    public TemplateInstance quarantine(@QueryParam("q") String text, @QueryParam("after") String after) {
        return list(InboxFilter.of(null, null, null, null, null, null, null, text, null, after, true));
    }

    private TemplateInstance list(InboxFilter filter) {
        consultants.seen(viewer);
        InboxPage page = QuarkusTransaction.requiringNew().call(() -> new InboxPage(filter, inbox.counts(),
                inbox.page(filter, viewer.getUsername()), views.clock(), Instant.now(), Country.choices(), Sector.choices(),
                AdvisoryService.choices(), Consultant.assignees()));
        return Templates.inbox(page);
    }

    /**
     * The filtered inbox as CSV (every page). It follows the rule for viewing leads: whoever may
     * open the inbox (consultants) may download what it shows, and nobody else; each export is audited.
     */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("status") String status, @QueryParam("country") String country,
            @QueryParam("sector") String sector, @QueryParam("service") String service,
            @QueryParam("assignee") String assignee, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String text, @QueryParam("sort") String sort) {
        InboxFilter filter = InboxFilter.of(status, country, sector, service, assignee, from, to, text, sort, null, false);
        String actor = viewer.getUsername();
        Locale locale = locales.current();
        StreamingOutput body = out -> export.audit(actor, filter, export.write(filter, actor, locale, out));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"leads-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"")
                .build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        consultants.seen(viewer);
        return page(id, null, false, null, null);
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @RestForm Long version, @RestForm String assignee) {
        return act(id, Flash.LEAD_ASSIGNED, null, null, () -> triage.assign(id, seen(version), viewer.getUsername(), assignee));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") long id, @RestForm Long version, @RestForm String action,
            @RestForm String reason, @RestForm String back) {
        Triage.Move move = Triage.Move.of(action).orElse(null);
        if (move == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, "not-now", false, null, reason)).build();
        }
        Response done = act(id, Flash.LEAD_STATUS, null, reason,
                () -> triage.move(id, seen(version), viewer.getUsername(), move, reason));
        // Released from the quarantine list: back to that list (a fixed path, never one taken from the request).
        return "quarantine".equals(back) && done.getStatus() == 303
                ? Flash.redirect("/console/leads/quarantine", Flash.LEAD_RELEASED, https()) : done;
    }

    @POST
    @Path("{id}/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tags(@PathParam("id") long id, @RestForm Long version, @RestForm List<String> sectors,
            @RestForm List<String> countries) {
        List<String> s = sectors == null ? List.of() : sectors.stream().filter(MatchEngine.SECTORS::contains).distinct().toList();
        List<String> c = countries == null ? List.of() : countries.stream().filter(MatchEngine.COUNTRIES::contains).distinct().toList();
        return act(id, Flash.LEAD_TAGS, null, null, () -> triage.correctTags(id, seen(version), viewer.getUsername(), s, c));
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") long id, @RestForm String text) {
        return act(id, Flash.LEAD_NOTE, text, null, () -> triage.note(id, viewer.getUsername(), text));
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("id") long id, @RestForm Long version, @RestForm Long other) {
        return act(id, Flash.LEAD_MERGED, null, null,
                () -> triage.merge(id, seen(version), viewer.getUsername(), other == null ? id : other));
    }

    @POST
    @Path("{id}/convert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response convert(@PathParam("id") long id, @RestForm Long version) {
        return act(id, Flash.LEAD_CONVERTED, null, null, () -> triage.convert(id, seen(version), viewer.getUsername()));
    }

    /** Deletes a quarantined lead for good. */
    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        try {
            triage.delete(id, viewer.getUsername());
        } catch (Triage.Refused e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, e.code, false, null, null)).build();
        }
        return Flash.redirect("/console/leads/quarantine", Flash.LEAD_DELETED, https());
    }

    /** Runs an action; on success back to the lead page, else the page again with the reason and the typed text. */
    private Response act(long id, String flash, String typedNote, String typedReason, Runnable action) {
        try {
            action.run();
        } catch (Triage.Conflict e) {
            return Response.status(Response.Status.CONFLICT).entity(page(id, null, true, typedNote, typedReason)).build();
        } catch (Triage.Refused e) {
            if ("gone".equals(e.code)) {
                throw new NotFoundException();
            }
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, e.code, false, typedNote, typedReason))
                    .build();
        }
        return Flash.redirect("/console/leads/" + id, flash, https());
    }

    /** The lead page's data, read in one transaction; rendering runs no query. */
    private TemplateInstance page(long id, String error, boolean conflict, String typedNote, String typedReason) {
        Page page = QuarkusTransaction.requiringNew().call(() -> new Page(
                views.of(id, locales.current()).orElseThrow(NotFoundException::new), error, conflict, typedNote, typedReason,
                Country.choices(), Sector.choices(), proposals.rows(ProposalViews.Filter.forLead(id), 50,
                        LocalDate.now(ZoneOffset.UTC), locales.current())));
        return Templates.lead(page);
    }

    /** A form without its version cannot prove what it saw: treated like a stale one. */
    private static long seen(Long version) {
        return version == null ? -1 : version;
    }

    private boolean https() {
        return "https".equals(request.scheme());
    }
}
