package io.harmattan.account;

import io.harmattan.audit.AuditEvent;
import io.harmattan.reference.Choice;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.web.Flash;
import io.harmattan.web.Violations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The client organisations and their people. Consultants read; lead consultants and
 * administrators change what an organisation follows, its status, and who of it may sign in.
 */
@Path("/console/clients")
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ClientsResource {

    /** One organisation's page, plus what went wrong with the last form and what was typed in it. */
    public record Page(long id, String name, OrganisationStatus status, long version, Set<String> sectors,
            Set<String> countries, List<Organisations.Person> people, List<Choice> sectorChoices,
            List<Choice> countryChoices, boolean canEdit, String defaultLanguage, InviteForm typed, Map<String, String> errors,
            String problem) {

        public String error(String field) {
            return errors.get(field);
        }

        /** What the consultant typed in the invitation form, shown again when it was refused. */
        public String typedValue(String field) {
            return typed == null ? "" : typed.value(field);
        }

        /** The language chosen for the invitation: as typed, else the organisation's. */
        public String language() {
            return typed != null && "fr".equals(typed.language()) ? "fr" : typed != null ? "en" : defaultLanguage;
        }

        /** A problem that belongs beside the invitation form rather than at the top of the page. */
        public boolean inviteProblem() {
            return problem != null && List.of("already-member", "other-organisation", "keycloak-refused", "invite-errors")
                    .contains(problem);
        }

        public List<String> languages() {
            return List.of("en", "fr");
        }

        public String statusAction() {
            return "/console/clients/" + id + "/status";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Organisations.Row> organisations);

        static native TemplateInstance organisation(Page page);
    }

    @Inject
    People people;

    @Inject
    Memberships memberships;

    @Inject
    Viewer viewer;

    @Inject
    Validator validator;

    @Inject
    HttpServerRequest request;

    @GET
    public TemplateInstance list() {
        return Templates.list(QuarkusTransaction.requiringNew().call(Organisations::all));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, null, Map.of(), null);
    }

    /** What the organisation follows: the sectors and countries its people's briefings are matched on. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/follows")
    @RolesAllowed({Roles.LEAD_CONSULTANT, Roles.ADMIN})
    public Response follows(@PathParam("id") long id, @RestForm Long version, @RestForm List<String> sectors,
            @RestForm List<String> countries) {
        Set<String> sectorCodes = known(sectors, Sector.choices());
        Set<String> countryCodes = known(countries, Country.choices());
        if (sectorCodes.isEmpty() || countryCodes.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, null, Map.of(), "follows-empty")).build();
        }
        String actor = viewer.getUsername();
        try {
            boolean found = QuarkusTransaction.requiringNew().call(() -> {
                ClientOrganisation organisation = ClientOrganisation.withFollows(id).orElse(null);
                if (organisation == null) {
                    return false;
                }
                if (version == null || organisation.version != version) {
                    throw new OptimisticLockException();
                }
                organisation.follow(sectorCodes, countryCodes);
                AuditEvent.record(actor, "organisation.follows", "client_organisation", id,
                        "sectors=" + String.join(" ", sectorCodes) + " countries=" + String.join(" ", countryCodes));
                return true;
            });
            if (!found) {
                throw new NotFoundException();
            }
        } catch (OptimisticLockException stale) {
            return Response.status(Response.Status.CONFLICT).entity(page(id, null, Map.of(), "stale")).build();
        }
        memberships.forgetAll();
        return Flash.redirect("/console/clients/" + id, Flash.ORGANISATION_SAVED, https());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/status")
    @RolesAllowed({Roles.LEAD_CONSULTANT, Roles.ADMIN})
    public Response status(@PathParam("id") long id, @RestForm String status) {
        OrganisationStatus wanted = OrganisationStatus.ofCode(status).orElse(null);
        if (wanted == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, null, Map.of(), "not-now")).build();
        }
        if (!people.setOrganisationStatus(id, wanted, viewer.getUsername())) {
            throw new NotFoundException();
        }
        return Flash.redirect("/console/clients/" + id,
                wanted == OrganisationStatus.ACTIVE ? Flash.ORGANISATION_ACTIVATED : Flash.ORGANISATION_SUSPENDED, https());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/people")
    @RolesAllowed({Roles.LEAD_CONSULTANT, Roles.ADMIN})
    public Response invite(@PathParam("id") long id, @RestForm String firstName, @RestForm String lastName,
            @RestForm String email, @RestForm String language) {
        InviteForm form = InviteForm.of(firstName, lastName, email, language);
        Map<String, String> errors = Violations.byField(validator.validate(form));
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(id, form, errors, "invite-errors")).build();
        }
        People.Outcome outcome = people.invite(id, form, viewer.getUsername());
        if (outcome == null) {
            throw new NotFoundException();
        }
        return switch (outcome) {
            case INVITED -> Flash.redirect("/console/clients/" + id, Flash.PERSON_INVITED, https());
            case LINKED -> Flash.redirect("/console/clients/" + id, Flash.PERSON_LINKED, https());
            case REFUSED -> Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(id, form, Map.of(), "keycloak-refused")).build();
            case PENDING -> Flash.redirect("/console/clients/" + id, Flash.PERSON_PENDING, https());
            case ALREADY_MEMBER -> Response.status(Response.Status.CONFLICT)
                    .entity(page(id, form, Map.of(), "already-member")).build();
            case OTHER_ORGANISATION -> Response.status(Response.Status.CONFLICT)
                    .entity(page(id, form, Map.of(), "other-organisation")).build();
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/people/{person}/{action:suspend|reinstate|remove}")
    @RolesAllowed({Roles.LEAD_CONSULTANT, Roles.ADMIN})
    public Response person(@PathParam("id") long id, @PathParam("person") long person, @PathParam("action") String action) {
        PersonStatus wanted = switch (action) {
            case "suspend" -> PersonStatus.SUSPENDED;
            case "reinstate" -> PersonStatus.ACTIVE;
            default -> PersonStatus.REMOVED;
        };
        if (!people.change(id, person, wanted, viewer.getUsername())) {
            throw new NotFoundException();
        }
        return Flash.redirect("/console/clients/" + id, switch (wanted) {
            case SUSPENDED -> Flash.PERSON_SUSPENDED;
            case ACTIVE -> Flash.PERSON_REINSTATED;
            case REMOVED -> Flash.PERSON_REMOVED;
        }, https());
    }

    private TemplateInstance page(long id, InviteForm typed, Map<String, String> errors, String problem) {
        boolean canEdit = viewer.isLeadConsultant() || viewer.isAdmin();
        Page page = QuarkusTransaction.requiringNew().call(() -> {
            ClientOrganisation organisation = ClientOrganisation.withFollows(id).orElseThrow(NotFoundException::new);
            return new Page(organisation.id, organisation.name, organisation.status, organisation.version,
                    Set.copyOf(organisation.sectors), Set.copyOf(organisation.countries), Organisations.people(id),
                    Sector.choices(), Country.choices(), canEdit, organisation.language, typed, errors, problem);
        });
        return Templates.organisation(page);
    }

    /** The submitted codes that exist, in reference order; anything else is dropped. */
    private static Set<String> known(List<String> submitted, List<Choice> choices) {
        Set<String> wanted = submitted == null ? Set.of() : Set.copyOf(submitted);
        return choices.stream().map(Choice::code).filter(wanted::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private boolean https() {
        return "https".equals(request.scheme());
    }
}
