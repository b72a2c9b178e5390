package io.harmattan.proposal;

import io.harmattan.account.Memberships;
import io.harmattan.account.Memberships.Membership;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.web.ClientAddress;
import io.harmattan.web.Flash;
import io.harmattan.web.Locales;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The client's proposals: the organisation's sent proposals, one as a page, and the answer.
 * Anything not sent to this client's organisation answers the same 404 as an unknown id.
 */
@Path("/portal/proposals")
@RolesAllowed(Roles.CLIENT)
@Produces(MediaType.TEXT_HTML)
public class PortalProposalsResource {

    /** The remark shares the timeline's 2,000 characters with the reason's code. */
    static final int MAX_REMARK = 1900;
    static final List<String> DECLINE_REASONS = List.of("price", "scope", "timing", "other-provider", "no-longer-needed", "other");

    /** The list page. */
    public record ListPage(Membership organisation, List<ProposalViews.Row> rows) {
    }

    /** One proposal as the client sees it: the version sent, and whether (and how) it can still be answered. */
    public record Page(long id, String reference, String organisation, ProposalViews.VersionView version, int latestSent,
            boolean answerable, ProposalViews.AcceptanceView acceptance, String problem, String typedName,
            List<String> reasons) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance proposal(Page page);
    }

    @Inject
    Memberships memberships;

    @CacheName("client-proposals")
    Cache listed;

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

    @Inject
    ClientAddress clientAddress;

    /**
     * The organisation's sent proposals, kept a few seconds per organisation and language (cache
     * "client-proposals"): every proposal step on this instance clears it, other instances follow
     * within its 5 s (docs/benchmarks.md, proposals section).
     */
    @GET
    public TemplateInstance list() {
        Membership organisation = memberships.require(viewer.getSubject());
        Locale locale = locales.current();
        List<ProposalViews.Row> rows = listed.get(organisation.id() + ":" + locale.getLanguage(),
                key -> QuarkusTransaction.requiringNew().call(() -> views.rows(ProposalViews.Filter.forClient(organisation.id()),
                        200, LocalDate.now(ZoneOffset.UTC), locale))).await().indefinitely();
        return Templates.list(new ListPage(organisation, rows));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        Membership organisation = memberships.require(viewer.getSubject());
        long proposalId = visible(id, organisation);
        proposals.viewed(proposalId, viewer.getSubject());
        return page(proposalId, organisation, null, null);
    }

    /** The PDF of the version the client was sent; the same bytes at every download. */
    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        Membership organisation = memberships.require(viewer.getSubject());
        long proposalId = visible(id, organisation);
        Sent sent = QuarkusTransaction.requiringNew().call(() -> {
            Proposal proposal = Proposal.findById(proposalId);
            return new Sent(proposal.reference, proposal.liveNumber);
        });
        byte[] pdf = documents.of(proposalId, sent.number(), organisation.name());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + sent.reference() + "-v" + sent.number() + ".pdf\"")
                .build();
    }

    /** What the download is named after: the proposal's reference and the version the client was sent. */
    private record Sent(String reference, int number) {
    }

    @POST
    @Path("{id}/accept")
    public Response accept(@PathParam("id") String id, @RestForm Integer number, @RestForm String fullName,
            @RestForm String authorised) {
        Membership organisation = memberships.require(viewer.getSubject());
        long proposalId = visible(id, organisation);
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty() || name.length() > 200 || !"yes".equals(authorised) || number == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(proposalId, organisation, name.isEmpty() || name.length() > 200 ? "name" : "authorised", name))
                    .build();
        }
        Proposals.Answer answer = proposals.accept(proposalId, number, organisation.id(), viewer.getSubject(), name,
                clientAddress.of(request));
        if (!answer.done()) {
            return Response.status(Response.Status.CONFLICT).entity(page(proposalId, organisation, "too-late", name)).build();
        }
        return Flash.redirect("/portal/proposals/" + proposalId, Flash.PROPOSAL_ACCEPTED, https());
    }

    @POST
    @Path("{id}/decline")
    public Response decline(@PathParam("id") String id, @RestForm Integer number, @RestForm String reason,
            @RestForm String remark) {
        Membership organisation = memberships.require(viewer.getSubject());
        long proposalId = visible(id, organisation);
        if (reason == null || !DECLINE_REASONS.contains(reason) || number == null
                || (remark != null && remark.length() > MAX_REMARK)) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(proposalId, organisation, "reason", null)).build();
        }
        Proposals.Answer answer = proposals.decline(proposalId, number, organisation.id(), viewer.getSubject(), reason, remark);
        if (!answer.done()) {
            return Response.status(Response.Status.CONFLICT).entity(page(proposalId, organisation, "too-late", null)).build();
        }
        return Flash.redirect("/portal/proposals/" + proposalId, Flash.PROPOSAL_DECLINED, https());
    }

    /** The proposal's id if it was sent to this organisation; otherwise the same 404 as an unknown id. */
    private static long visible(String id, Membership organisation) {
        long proposalId;
        try {
            proposalId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        boolean mine = QuarkusTransaction.requiringNew().call(() -> Proposal.count(
                "id = ?1 and organisationId = ?2 and liveNumber is not null", proposalId, organisation.id()) == 1);
        if (!mine) {
            throw new NotFoundException();
        }
        return proposalId;
    }

    private TemplateInstance page(long id, Membership organisation, String problem, String typedName) {
        Page page = QuarkusTransaction.requiringNew().call(() -> {
            Proposal proposal = Proposal.findById(id);
            ProposalVersion live = proposal.live().orElseThrow(NotFoundException::new);
            boolean answerable = live.state.awaitingClient() && !live.validUntil.isBefore(LocalDate.now(ZoneOffset.UTC));
            return new Page(id, proposal.reference, organisation.name(), views.version(live, locales.current()),
                    live.number, answerable, ProposalViews.AcceptanceView.of(Acceptance.<Acceptance>findByIdOptional(id)
                            .orElse(null)), problem, typedName, DECLINE_REASONS);
        });
        return Templates.proposal(page);
    }

    private boolean https() {
        return "https".equals(request.scheme());
    }
}
