package io.harmattan.admin;

import io.harmattan.account.InviteForm;
import io.harmattan.account.KeycloakAccounts;
import io.harmattan.account.KeycloakAccounts.StaffMember;
import io.harmattan.audit.AuditEvent;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.web.Csv;
import io.harmattan.web.Flash;
import io.harmattan.web.Violations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The administrator's work: the audit log, the staff's Keycloak accounts, and (through the
 * console's client pages, which admins may use) the client organisations. Admins do not see
 * leads or briefings: those are the consultants' (README, "Who sees what").
 */
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);
    static final int AUDIT_PAGE = 50;
    static final int AUDIT_EXPORT_MAX = 100_000;

    /** The audit page: the filter as typed, one page of events and where the next page starts. */
    public record AuditPage(AuditEvent.Filter filter, String fromText, String toText, List<AuditRow> events,
            Long next, boolean paged, List<String> actions, String query) {
    }

    /** One event as the page shows it. */
    public record AuditRow(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
            String details) {

        static AuditRow of(AuditEvent e) {
            return new AuditRow(e.id, e.occurredAt, e.actor, e.action, e.targetType, e.targetId, e.details);
        }
    }

    /** The staff page: the accounts (empty when Keycloak did not answer), and the invitation form as typed. */
    public record StaffPage(List<StaffMember> staff, boolean keycloakDown, InviteForm typed, String typedRole,
            Map<String, String> errors, String problem) {

        public String error(String field) {
            return errors.get(field);
        }

        public String typedValue(String field) {
            return typed == null ? "" : typed.value(field);
        }

        public List<String> roles() {
            return List.of(Roles.CONSULTANT, Roles.LEAD_CONSULTANT, Roles.ADMIN);
        }
    }

    /** The role chosen beside the person's fields (which are an {@link InviteForm}, checked the same way). */
    record StaffRole(@NotBlank @Pattern(regexp = "consultant|lead-consultant|admin") String role) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance audit(AuditPage page);

        static native TemplateInstance staff(StaffPage page);
    }

    @Inject
    KeycloakAccounts accounts;

    @Inject
    Viewer viewer;

    @Inject
    Validator validator;

    @Inject
    HttpServerRequest request;

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    @GET
    @Path("audit")
    public TemplateInstance audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("type") String type, @QueryParam("target") String target, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("before") Long before) {
        AuditEvent.Filter filter = new AuditEvent.Filter(actor, action, type, target, day(from), day(to));
        AuditPage page = QuarkusTransaction.requiringNew().call(() -> {
            List<AuditEvent> events = AuditEvent.page(filter, before, AUDIT_PAGE + 1);
            Long next = events.size() > AUDIT_PAGE ? events.get(AUDIT_PAGE - 1).id : null;
            return new AuditPage(filter, text(from), text(to),
                    events.stream().limit(AUDIT_PAGE).map(AuditRow::of).toList(), next, before != null,
                    AuditEvent.actions(), query(actor, action, type, target, from, to));
        });
        return Templates.audit(page);
    }

    /** The filtered log as CSV, newest first; the download itself is audited. */
    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response auditCsv(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("type") String type, @QueryParam("target") String target, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        AuditEvent.Filter filter = new AuditEvent.Filter(actor, action, type, target, day(from), day(to));
        String admin = viewer.getUsername();
        String csv = QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder out = new StringBuilder(Csv.BOM);
            Csv.line(out, "id", "occurred_at_utc", "actor", "action", "target_type", "target_id", "details");
            List<AuditEvent> events = AuditEvent.export(filter, AUDIT_EXPORT_MAX);
            for (AuditEvent e : events) {
                Csv.line(out, e.id.toString(), e.occurredAt.toString(), e.actor, e.action, e.targetType, e.targetId, e.details);
            }
            AuditEvent.record(admin, "audit.exported", null, null, "rows=" + events.size());
            return out.toString();
        });
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"")
                .build();
    }

    @GET
    @Path("staff")
    public TemplateInstance staff() {
        return staffPage(null, null, Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("staff")
    public Response inviteStaff(@RestForm String firstName, @RestForm String lastName, @RestForm String email,
            @RestForm String language, @RestForm String role) {
        InviteForm form = InviteForm.of(firstName, lastName, email, language);
        Map<String, String> errors = new TreeMap<>(Violations.byField(validator.validate(form)));
        errors.putAll(Violations.byField(validator.validate(new StaffRole(role))));
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(staffPage(form, role, errors, null)).build();
        }
        KeycloakAccounts.Provisioned account;
        try {
            account = accounts.inviteStaff(new KeycloakAccounts.Invitee(form.email(), form.firstName(), form.lastName(),
                    language), role);
        } catch (KeycloakAccounts.Refused refused) {
            return Response.status(Response.Status.CONFLICT).entity(staffPage(form, role, Map.of(), "other-organisation")).build();
        } catch (RuntimeException unavailable) {
            LOG.warnf("Staff invitation failed: %s", unavailable.getClass().getSimpleName());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(staffPage(form, role, Map.of(), "keycloak-down"))
                    .build();
        }
        QuarkusTransaction.requiringNew().run(() -> AuditEvent.record(viewer.getUsername(), "staff.invited", "keycloak_user",
                account.subject(), "role=" + role));
        return Flash.redirect("/admin/staff", account.mailed() ? Flash.STAFF_INVITED : Flash.STAFF_LINKED, https());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("staff/{id}/{action:disable|enable}")
    public Response setStaffEnabled(@PathParam("id") String id, @PathParam("action") String action) {
        boolean enable = "enable".equals(action);
        if (!enable && id.equals(viewer.getSubject())) {
            return Response.status(Response.Status.BAD_REQUEST).entity(staffPage(null, null, Map.of(), "not-yourself")).build();
        }
        try {
            accounts.setStaffEnabled(id, enable);
        } catch (NotFoundException notStaff) {
            throw notStaff;
        } catch (RuntimeException unavailable) {
            LOG.warnf("Staff account change failed: %s", unavailable.getClass().getSimpleName());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(staffPage(null, null, Map.of(), "keycloak-down"))
                    .build();
        }
        QuarkusTransaction.requiringNew().run(() -> AuditEvent.record(viewer.getUsername(), "staff." + action + "d",
                "keycloak_user", id, null));
        return Flash.redirect("/admin/staff", enable ? Flash.STAFF_ENABLED : Flash.STAFF_DISABLED, https());
    }

    private TemplateInstance staffPage(InviteForm typed, String typedRole, Map<String, String> errors, String problem) {
        List<StaffMember> staff;
        boolean down = false;
        try {
            staff = accounts.staff();
        } catch (RuntimeException unavailable) {
            LOG.warnf("Staff list unavailable: %s", unavailable.getClass().getSimpleName());
            staff = List.of();
            down = true;
        }
        return Templates.staff(new StaffPage(staff, down, typed, typedRole, errors, problem));
    }

    /** A yyyy-mm-dd day, or null for anything else (the filter then ignores it). */
    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The filter as a query string, for the next-page and CSV links. */
    private static String query(String... values) {
        String[] names = {"actor", "action", "type", "target", "from", "to"};
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                query.append(query.length() == 0 ? '?' : '&').append(names[i]).append('=')
                        .append(URLEncoder.encode(values[i].strip(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private boolean https() {
        return "https".equals(request.scheme());
    }
}
