package io.harmattan.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harmattan.audit.AuditEvent;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.web.EmailAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Data-protection requests, for lead consultants: what is held about an email address, a copy of
 * all of it as one JSON file, and erasure on request. Every call is a POST, so that no address
 * travels in a URL (and so in no access log); the audit log records each copy and erasure with
 * counts, never the address.
 */
@Path("/console/privacy")
@RolesAllowed(Roles.LEAD_CONSULTANT)
@Produces(MediaType.TEXT_HTML)
public class DataProtectionResource {

    /**
     * The page: the address asked about (or typed), an error code ({@code invalid}, {@code mismatch}),
     * what is held, and what an erasure just did.
     */
    public record DataProtectionPage(String email, String error, SubjectAccess.Report report, Erasure.Erased erased) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance privacy(DataProtectionPage page);
    }

    @Inject
    SubjectAccess access;

    @Inject
    Erasure erasure;

    @Inject
    Viewer viewer;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance form() {
        return Templates.privacy(new DataProtectionPage(null, null, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response find(@RestForm String email) {
        String address = address(email);
        if (address == null) {
            return invalid(email);
        }
        return Response.ok(Templates.privacy(new DataProtectionPage(address, null, access.of(address), null))).build();
    }

    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@RestForm String email) {
        String address = address(email);
        if (address == null) {
            return invalid(email);
        }
        SubjectAccess.Report report = access.of(address);
        byte[] file;
        try {
            file = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> AuditEvent.record(viewer.getUsername(), "privacy.exported", "person", null,
                "requests=" + report.requests().size() + " mails=" + report.mails().size() + " accounts="
                        + report.clientAccounts().size()));
        return Response.ok(file, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"subject-access.json\"").build();
    }

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@RestForm String email, @RestForm String confirm) {
        String address = address(email);
        if (address == null) {
            return invalid(email);
        }
        if (confirm == null || !confirm.strip().equalsIgnoreCase(address)) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.privacy(
                    new DataProtectionPage(address, "mismatch", access.of(address), null))).build();
        }
        Erasure.Erased erased = erasure.erase(address, viewer.getUsername());
        return Response.ok(Templates.privacy(new DataProtectionPage(address, null, access.of(address), erased))).build();
    }

    /** The address as typed, trimmed, if it is one. */
    private static String address(String email) {
        String address = email == null ? "" : email.strip();
        return address.length() <= 254 && EmailAddress.isValid(address) ? address : null;
    }

    private static Response invalid(String email) {
        String typed = email == null ? "" : email.strip();
        return Response.status(Response.Status.BAD_REQUEST).entity(Templates.privacy(
                new DataProtectionPage(typed.length() > 254 ? typed.substring(0, 254) : typed, "invalid", null, null))).build();
    }
}
