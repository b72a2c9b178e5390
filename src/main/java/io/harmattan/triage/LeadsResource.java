package io.harmattan.triage;

import io.harmattan.lead.DisqualifyReason;
import io.harmattan.lead.LeadEvent;
import io.harmattan.matching.MatchEngine;
import io.harmattan.persistence.CodedEnum;
import io.harmattan.proposal.ProposalViews;
import io.harmattan.reference.AdvisoryService;
import io.harmattan.reference.Choice;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.staff.Consultant;
import io.harmattan.staff.Consultants;
import io.harmattan.task.Tasks;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
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
            List<Consultant.Assignee> consultants, List<SavedView.Link> views, String error, List<Triage.Outcome> bulk) {

        public List<String> disqualifyReasons() {
            return DisqualifyReason.CODES;
        }

        /** A consultant's display name, from the directory the page already holds. */
        public String nameOf(String username) {
            return Consultant.Assignee.nameOf(consultants, username);
        }

        public List<String> bulkActions() {
            return List.of(Triage.Bulk.values()).stream().map(CodedEnum::code).toList();
        }

        /** The bulk outcomes that were not done, for the message above the list. */
        public List<Triage.Outcome> notDone() {
            return bulk.stream().filter(o -> !o.done()).toList();
        }

        public ResponseClock.Reading clockOf(Inbox.Row row) {
            return clock.read(row.submittedAt(), row.firstResponseAt(), now);
        }
    }

    /**
     * The lead page, plus what went wrong with the last action, what the consultant had typed, the
     * reply as the form shows it and where the prospect's answer will go (null: the firm's address).
     */
    public record Page(LeadView view, String error, boolean conflict, Typed typed, ReplyTemplates.Draft reply,
            boolean chosen, String replyTo, String now, List<Tasks.Row> tasks, LocalDate today, String me,
            List<Choice> countries, List<Choice> sectors, List<ProposalViews.Row> proposals) {

        /** The reply form starts open when a template was chosen or a refused reply is shown again. */
        public boolean replyOpen() {
            return reply.template() == null || chosen;
        }

        /** A new follow-up's due day unless changed. */
        public LocalDate tomorrow() {
            return today.plusDays(1);
        }

        /** Whom the task form proposes: as typed, else the consultant at the keyboard. */
        public String taskFor() {
            String typedFor = typed.value("for");
            return typedFor != null ? typedFor : me;
        }

        public List<String> templates() {
            return ReplyTemplates.CODES;
        }

        public List<String> disqualifyReasons() {
            return DisqualifyReason.CODES;
        }

        public List<String> contactKinds() {
            return List.of(LeadEvent.Kind.CALL.code(), LeadEvent.Kind.MEETING.code());
        }
    }

    /** What the consultant had typed in one of the lead page's forms, given back when its action is refused. */
    public record Typed(Map<String, String> fields) {

        static final Typed NOTHING = new Typed(Map.of());

        /** Field name, value pairs; a null value is left out. */
        static Typed of(String... pairs) {
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i + 1] != null) {
                    fields.put(pairs[i], pairs[i + 1]);
                }
            }
            return new Typed(fields);
        }

        /** What was typed in the field, or null. */
        public String value(String field) {
            return fields.get(field);
        }
    }

    /** The minute a datetime-local field shows (UTC, as every time in the console). */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** Disqualified leads counted by reason, for leads received between two days (inclusive). */
    public record Reasons(LocalDate from, LocalDate to, List<Inbox.ReasonCount> counts) {

        public long total() {
            return counts.stream().mapToLong(Inbox.ReasonCount::count).sum();
        }

        /** The reason's share of the total, in whole percent. */
        public long percent(Inbox.ReasonCount count) {
            return total() == 0 ? 0 : Math.round(100.0 * count.count() / total());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reasons(Reasons reasons);

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
    ReplyTemplates replies;

    @Inject
    Tasks tasks;

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
        return list(filter, null, List.of());
    }

    /** The inbox, with what went wrong with the last bulk action or saved view ({@code error}) and the bulk outcomes. */
    private TemplateInstance list(InboxFilter filter, String error, List<Triage.Outcome> bulk) {
        consultants.seen(viewer);
        InboxPage page = QuarkusTransaction.requiringNew().call(() -> new InboxPage(filter, inbox.counts(),
                inbox.page(filter, viewer.getUsername()), views.clock(), Instant.now(), Country.choices(), Sector.choices(),
                AdvisoryService.choices(), Consultant.assignees(), SavedView.of(viewer.getUsername()), error, bulk));
        return Templates.inbox(page);
    }

    /**
     * The same action on the leads ticked in the inbox ({@code leads}: id~version). Back to the same
     * list when every one was done; otherwise the list again, saying which were not and why.
     */
    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(@RestForm List<String> leads, @RestForm("bulk") String action, @RestForm("assign-to") String assignTo,
            @RestForm String why, @RestForm String reason, @RestForm String status, @RestForm String country,
            @RestForm String sector, @RestForm String service, @RestForm String assignee, @RestForm String from,
            @RestForm String to, @RestForm String q, @RestForm String sort, @RestForm String after) {
        InboxFilter filter = InboxFilter.of(status, country, sector, service, assignee, from, to, q, sort, after, false);
        List<Triage.Selected> selected = new ArrayList<>();
        for (String lead : leads == null ? List.<String>of() : leads) {
            String[] key = lead.split("~");
            if (key.length == 2 && key[0].matches("\\d{1,18}") && key[1].matches("\\d{1,18}")) {
                selected.add(new Triage.Selected(Long.parseLong(key[0]), Long.parseLong(key[1])));
            }
        }
        Triage.Bulk bulk = Triage.Bulk.of(action).orElse(null);
        if (bulk == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(list(filter, "not-now", List.of())).build();
        }
        List<Triage.Outcome> outcomes;
        try {
            outcomes = triage.bulk(selected, viewer.getUsername(), bulk, assignTo, DisqualifyReason.of(why).orElse(null),
                    reason);
        } catch (Triage.Refused e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(list(filter, e.code, List.of())).build();
        }
        if (outcomes.stream().allMatch(Triage.Outcome::done)) {
            return Flash.redirect("/console/leads" + filter.query(), Flash.BULK_DONE, https());
        }
        return Response.ok(list(filter, null, outcomes)).build();
    }

    /** Saves the inbox's current filter under a name for this consultant. */
    @POST
    @Path("views")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveView(@RestForm String name, @RestForm String status, @RestForm String country,
            @RestForm String sector, @RestForm String service, @RestForm String assignee, @RestForm String from,
            @RestForm String to, @RestForm String q, @RestForm String sort) {
        InboxFilter filter = InboxFilter.of(status, country, sector, service, assignee, from, to, q, sort, null, false);
        try {
            triage.saveView(viewer.getUsername(), name, filter);
        } catch (Triage.Refused e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(list(filter, e.code, List.of())).build();
        }
        return Flash.redirect("/console/leads" + filter.query(), Flash.VIEW_SAVED, https());
    }

    @POST
    @Path("views/{view}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteView(@PathParam("view") long view) {
        triage.deleteView(viewer.getUsername(), view);
        return Flash.redirect("/console/leads", Flash.VIEW_DELETED, https());
    }

    /** Why leads were disqualified, by reason, for the leads received in a period (the last 90 days unless chosen). */
    @GET
    @Path("reasons")
    public TemplateInstance reasons(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        InboxFilter period = InboxFilter.of(null, null, null, null, null, from, to, null, null, null, false);
        LocalDate end = period.to() != null ? period.to() : today;
        LocalDate start = period.from() != null ? period.from() : end.minusDays(89);
        if (start.isAfter(end)) {
            start = end;
        }
        LocalDate first = start;
        return Templates.reasons(new Reasons(first, end, QuarkusTransaction.requiringNew().call(
                () -> inbox.disqualifiedByReason(first, end))));
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
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("reply") String template) {
        consultants.seen(viewer);
        return page(id, null, false, Typed.NOTHING, ReplyTemplates.Template.of(template).orElse(null));
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @RestForm Long version, @RestForm String assignee) {
        return act(id, Flash.LEAD_ASSIGNED, Typed.NOTHING, () -> triage.assign(id, seen(version), viewer.getUsername(), assignee));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") long id, @RestForm Long version, @RestForm String action,
            @RestForm String why, @RestForm String reason, @RestForm String back) {
        Triage.Move move = Triage.Move.of(action).orElse(null);
        if (move == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, "not-now", false, Typed.of("why", why, "reason", reason), null))
                    .build();
        }
        Response done = act(id, Flash.LEAD_STATUS, Typed.of("why", why, "reason", reason),
                () -> triage.move(id, seen(version), viewer.getUsername(), move, DisqualifyReason.of(why).orElse(null), reason));
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
        return act(id, Flash.LEAD_TAGS, Typed.NOTHING, () -> triage.correctTags(id, seen(version), viewer.getUsername(), s, c));
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") long id, @RestForm String text) {
        return act(id, Flash.LEAD_NOTE, Typed.of("text", text), () -> triage.note(id, viewer.getUsername(), text));
    }

    /** Sends the consultant's reply to the prospect (through the outbox). */
    @POST
    @Path("{id}/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("id") long id, @RestForm String subject, @RestForm String body) {
        return act(id, Flash.LEAD_EMAILED, Typed.of("subject", subject == null ? "" : subject, "body", body),
                () -> triage.reply(id, viewer.getUsername(), subject, body));
    }

    /** Adds a follow-up task on the lead. */
    @POST
    @Path("{id}/tasks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response task(@PathParam("id") long id, @RestForm String title, @RestForm String due, @RestForm String assignee) {
        Typed typed = Typed.of("title", title, "due", due, "for", assignee);
        try {
            tasks.add(id, viewer.getUsername(), title, due, assignee);
        } catch (Tasks.Refused e) {
            if ("gone".equals(e.code)) {
                throw new NotFoundException();
            }
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, e.code, false, typed, null)).build();
        }
        return Flash.redirect("/console/leads/" + id, Flash.TASK_ADDED, https());
    }

    /** Logs a call or a meeting with the prospect. */
    @POST
    @Path("{id}/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response contact(@PathParam("id") long id, @RestForm String kind, @RestForm String at, @RestForm String minutes,
            @RestForm String outcome) {
        Typed typed = Typed.of("kind", kind, "at", at, "minutes", minutes, "outcome", outcome);
        LeadEvent.Kind what = "meeting".equals(kind) ? LeadEvent.Kind.MEETING : LeadEvent.Kind.CALL;
        return act(id, Flash.LEAD_CONTACT, typed,
                () -> triage.logContact(id, viewer.getUsername(), what, minute(at), number(minutes), outcome));
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("id") long id, @RestForm Long version, @RestForm Long other) {
        return act(id, Flash.LEAD_MERGED, Typed.NOTHING,
                () -> triage.merge(id, seen(version), viewer.getUsername(), other == null ? id : other));
    }

    @POST
    @Path("{id}/convert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response convert(@PathParam("id") long id, @RestForm Long version) {
        return act(id, Flash.LEAD_CONVERTED, Typed.NOTHING, () -> triage.convert(id, seen(version), viewer.getUsername()));
    }

    /** Deletes a quarantined lead for good. */
    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        try {
            triage.delete(id, viewer.getUsername());
        } catch (Triage.Refused e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, e.code, false, Typed.NOTHING, null)).build();
        }
        return Flash.redirect("/console/leads/quarantine", Flash.LEAD_DELETED, https());
    }

    /** Runs an action; on success back to the lead page, else the page again with the reason and the typed text. */
    private Response act(long id, String flash, Typed typed, Runnable action) {
        try {
            action.run();
        } catch (Triage.Conflict e) {
            return Response.status(Response.Status.CONFLICT).entity(page(id, null, true, typed, null)).build();
        } catch (Triage.Refused e) {
            if ("gone".equals(e.code)) {
                throw new NotFoundException();
            }
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, e.code, false, typed, null)).build();
        }
        return Flash.redirect("/console/leads/" + id, flash, https());
    }

    /**
     * The lead page's data, read in one transaction; rendering runs no query. The reply form shows
     * what was typed, else the chosen template (by default an acknowledgement before any contact,
     * else a request for details).
     */
    private TemplateInstance page(long id, String error, boolean conflict, Typed typed, ReplyTemplates.Template template) {
        Page page = QuarkusTransaction.requiringNew().call(() -> {
            LeadView view = views.of(id, locales.current()).orElseThrow(NotFoundException::new);
            LeadView.Detail lead = view.lead();
            ReplyTemplates.Template start = template != null ? template
                    : view.clock().state() == ResponseClock.State.ANSWERED ? ReplyTemplates.Template.DETAILS
                    : ReplyTemplates.Template.ACKNOWLEDGE;
            ReplyTemplates.Draft reply = typed.value("subject") != null
                    ? new ReplyTemplates.Draft(null, typed.value("subject"), typed.value("body"))
                    : replies.draft(start, lead.language(), lead.name(), lead.reference(), viewer.getDisplayName());
            Consultant me = Consultant.findById(viewer.getUsername());
            return new Page(view, error, conflict, typed, reply, template != null, me == null ? null : me.email,
                    MINUTE.format(LocalDateTime.now(ZoneOffset.UTC)), tasks.ofLead(id), LocalDate.now(ZoneOffset.UTC),
                    viewer.getUsername(), Country.choices(), Sector.choices(),
                    proposals.rows(ProposalViews.Filter.forLead(id), 50, LocalDate.now(ZoneOffset.UTC), locales.current()));
        });
        return Templates.lead(page);
    }

    /** A datetime-local field's value as a UTC instant; null when it is not one. */
    static Instant minute(String value) {
        try {
            return value == null ? null : LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A number field's value; null when it is not a whole number. */
    static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A form without its version cannot prove what it saw: treated like a stale one. */
    private static long seen(Long version) {
        return version == null ? -1 : version;
    }

    private boolean https() {
        return "https".equals(request.scheme());
    }
}
