package io.harmattan.privacy;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.harmattan.security.UnsubscribeLinks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Withdrawing the marketing opt-in a prospect gave with their request, from the link in the mails
 * they get: no sign-in, only the signed link, which names one address. The page asks first (a link
 * followed by a mail scanner must not unsubscribe anyone); the button withdraws the opt-in of every
 * request from that address, and the audit log records how many, without the address.
 */
@Path("/unsubscribe")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(String token, String email);

        static native TemplateInstance done();

        static native TemplateInstance invalid();
    }

    @Inject
    HarmattanConfig config;

    @GET
    public Response ask(@QueryParam("t") String token) {
        Optional<String> email = links().address(token);
        return email.isEmpty() ? Response.status(Response.Status.BAD_REQUEST).entity(Templates.invalid()).build()
                : Response.ok(Templates.ask(token, email.get())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@RestForm("t") String token) {
        Optional<String> email = links().address(token);
        if (email.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.invalid()).build();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            int leads = Lead.update("marketingOptIn = false where email = ?1 and marketingOptIn = true", email.get());
            AuditEvent.record("prospect", "marketing.withdrawn", "lead", null, "leads=" + leads);
        });
        return Response.seeOther(URI.create("/unsubscribe/done")).build();
    }

    @GET
    @Path("done")
    public TemplateInstance done() {
        return Templates.done();
    }

    private UnsubscribeLinks links() {
        return UnsubscribeLinks.prospects(config.formSecret());
    }
}
