package io.harmattan.proposal;

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
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The consultants' proposals: the list, a proposal's page with its versions and timeline, the
 * draft's editor, and the workflow's buttons. Consultants write and submit; lead consultants
 * review (never their own), send and withdraw.
 */
@Path("/console/proposals")
@RolesAllowed(Roles.CONSULTANT)
@Produces(MediaType.TEXT_HTML)
public class ProposalsResource {

    /** The list page: the filter as typed, the pipeline under it, and the rows. */
    public record ListPage(String state, String author, String client, String country, String sector, boolean expiring,
            List<String> states, List<Choice> countries, List<Choice> sectors, List<ProposalViews.Stage> pipeline,
            List<ProposalViews.Row> rows) {
    }

    /** A proposal's page, with what went wrong with the last action. */
    public record Page(ProposalViews.Detail proposal, boolean canReview, boolean canSend, String error, boolean conflict) {

        /** Where a workflow button posts. */
        public String action(String verb) {
            return "/console/proposals/" + proposal.id() + "/" + verb;
        }
    }

    /** The editor: the draft as typed, its errors, and the choices offered. */
    public record Editor(ProposalViews.Detail proposal, DraftForm form, Map<String, String> errors,
            Map<String, String> errorTexts, boolean conflict, List<Choice> services, List<Choice> countries,
            List<Choice> sectors, List<String> units, List<String> currencies, List<DraftForm.LineForm> lines) {

        public String error(String field) {
            return errors.get(field);
        }

        /** The field's error in the reader's language, or null. */
        public String errorText(String field) {
            return errorTexts.get(field);
        }

        /** Field names of line {@code i}, as the form posts them. */
        public String field(String name, int i) {
            return name + "." + i;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance proposal(Page page);

        static native TemplateInstance editor(Editor editor);
    }

    @Inject
    Proposals proposals;

    @Inject
    ProposalViews views;

    @Inject
    ProposalPdf documents;

    @Inject
    Viewer viewer;

    @Inject
    Locales locales;

    @Inject
    HttpServerRequest request;

    @GET
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("author") String author,
            @QueryParam("client") String client, @QueryParam("country") String country, @QueryParam("sector") String sector,
            @QueryParam("expiring") String expiring) {
        ProposalState wanted = Arrays.stream(ProposalState.values()).filter(s -> s.code().equals(state)).findFirst()
                .orElse(null);
        ProposalViews.Filter filter = new ProposalViews.Filter(wanted, author, client, country, sector, "yes".equals(expiring),
                null, null, false);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Templates.list(QuarkusTransaction.requiringNew().call(() -> new ListPage(wanted == null ? "" : wanted.code(),
                text(author), text(client), text(country), text(sector), filter.expiringSoon(),
                Arrays.stream(ProposalState.values()).map(ProposalState::code).toList(), Country.choices(), Sector.choices(),
                views.pipeline(filter, today, locales.current()), views.rows(filter, 200, today, locales.current()))));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Starts a proposal from a lead ({@code lead}) or a client organisation ({@code organisation}). */
    @POST
    @Path("new")
    public Response start(@RestForm Long lead, @RestForm Long organisation) {
        long id;
        try {
            if (lead != null) {
                id = proposals.startFromLead(lead, viewer.getUsername());
            } else if (organisation != null) {
                id = proposals.startFromOrganisation(organisation, viewer.getUsername());
            } else {
                throw new NotFoundException();
            }
        } catch (Refused refused) {
            if ("gone".equals(refused.code)) {
                throw new NotFoundException();
            }
            return Flash.redirect("/console/leads/" + lead, Flash.PROPOSAL_REFUSED, https());
        }
        return Response.seeOther(URI.create("/console/proposals/" + id + "/edit")).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, null, false);
    }

    /** The PDF of a version as the client gets it (a draft's is a preview, rendered afresh). */
    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id, @QueryParam("version") Integer number) {
        ProposalViews.Detail detail = detail(id);
        int wanted = number == null ? detail.latest().number() : number;
        if (detail.versions().stream().noneMatch(v -> v.number() == wanted)) {
            throw new NotFoundException();
        }
        return Response.ok(documents.of(id, wanted, detail.organisationName()), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + detail.reference() + "-v" + wanted + ".pdf\"")
                .build();
    }

    @GET
    @Path("{id}/edit")
    public Response editor(@PathParam("id") long id) {
        ProposalViews.Detail detail = detail(id);
        if (!detail.editable()) {
            return Response.seeOther(URI.create("/console/proposals/" + id)).build();
        }
        DraftForm form = QuarkusTransaction.requiringNew().call(() -> DraftForm.of(Proposal.<Proposal>findById(id).latest()));
        return Response.ok(editor(detail, form, Map.of(), false)).build();
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        DraftForm form = DraftForm.of(body);
        DraftForm.Checked checked = form.check(AdvisoryService.choices(), Country.choices(), Sector.choices(),
                LocalDate.now(ZoneOffset.UTC));
        ProposalViews.Detail detail = detail(id);
        if (!checked.errors().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(editor(detail, form, checked.errors(), false)).build();
        }
        try {
            proposals.save(id, seen(body.getFirst("version")), checked.values(), viewer.getUsername());
        } catch (Proposals.Conflict conflict) {
            return Response.status(Response.Status.CONFLICT).entity(editor(detail(id), form, Map.of(), true)).build();
        } catch (Refused refused) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, refused.code, false)).build();
        }
        return Flash.redirect("/console/proposals/" + id, Flash.PROPOSAL_SAVED, https());
    }

    @POST
    @Path("{id}/{action:submit|revise}")
    public Response step(@PathParam("id") long id, @PathParam("action") String action, @RestForm Long version) {
        return act(id, () -> {
            if ("submit".equals(action)) {
                proposals.submit(id, seen(version), viewer.getUsername());
            } else {
                proposals.revise(id, seen(version), viewer.getUsername());
            }
        }, "submit".equals(action) ? Flash.PROPOSAL_SUBMITTED : Flash.PROPOSAL_REVISED,
                "revise".equals(action) ? "/console/proposals/" + id + "/edit" : null);
    }

    @POST
    @Path("{id}/{action:approve|changes|send|withdraw}")
    @RolesAllowed(Roles.LEAD_CONSULTANT)
    public Response review(@PathParam("id") long id, @PathParam("action") String action, @RestForm Long version,
            @RestForm String comment) {
        String actor = viewer.getUsername();
        return act(id, () -> {
            switch (action) {
                case "approve" -> proposals.approve(id, seen(version), actor);
                case "changes" -> proposals.requestChanges(id, seen(version), actor, comment);
                case "send" -> proposals.send(id, seen(version), actor);
                default -> proposals.withdraw(id, seen(version), actor, comment);
            }
        }, switch (action) {
            case "approve" -> Flash.PROPOSAL_APPROVED;
            case "changes" -> Flash.PROPOSAL_CHANGES;
            case "send" -> Flash.PROPOSAL_SENT;
            default -> Flash.PROPOSAL_WITHDRAWN;
        }, null);
    }

    private Response act(long id, Runnable action, String flash, String then) {
        try {
            action.run();
        } catch (Proposals.Conflict conflict) {
            return Response.status(Response.Status.CONFLICT).entity(page(id, null, true)).build();
        } catch (Refused refused) {
            if ("gone".equals(refused.code)) {
                throw new NotFoundException();
            }
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, refused.code, false)).build();
        }
        return Flash.redirect(then != null ? then : "/console/proposals/" + id, flash, https());
    }

    private TemplateInstance page(long id, String error, boolean conflict) {
        ProposalViews.Detail detail = detail(id);
        boolean lead = viewer.isLeadConsultant();
        return Templates.proposal(new Page(detail, lead && !viewer.getUsername().equals(detail.latest().writtenBy()), lead,
                error, conflict));
    }

    private TemplateInstance editor(ProposalViews.Detail detail, DraftForm form, Map<String, String> errors, boolean conflict) {
        ProposalMessages messages = MessageBundles.get(ProposalMessages.class, Localized.Literal.of(locales.current().getLanguage()));
        Map<String, String> texts = new LinkedHashMap<>();
        errors.forEach((field, code) -> texts.put(field, messages.proposal_field_error(code)));
        return Templates.editor(QuarkusTransaction.requiringNew().call(() -> new Editor(detail, form, errors, texts, conflict,
                AdvisoryService.choices(), Country.choices(), Sector.choices(), DraftForm.UNITS,
                Arrays.stream(Currency.values()).map(Currency::code).toList(), form.editorLines(3))));
    }

    private ProposalViews.Detail detail(long id) {
        return QuarkusTransaction.requiringNew().call(() -> views.detail(id, locales.current()))
                .orElseThrow(NotFoundException::new);
    }

    private static long seen(Long version) {
        return version == null ? -1 : version;
    }

    private static long seen(String version) {
        try {
            return version == null ? -1 : Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private boolean https() {
        return "https".equals(request.scheme());
    }
}
