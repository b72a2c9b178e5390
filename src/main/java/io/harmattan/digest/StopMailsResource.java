package io.harmattan.digest;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientUser;
import io.harmattan.audit.AuditEvent;
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
 * Stopping the digests and alerts from the link at the end of each: no sign-in, only the signed
 * link, which names one person. The page asks first (a link followed by a mail scanner must stop
 * nothing); the button turns that person's digest and alerts off, and nobody else's.
 */
@Path("/unsubscribe/briefings")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class StopMailsResource {

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
        Optional<String> email = person(token).map(person -> person.email);
        return email.isEmpty() ? Response.status(Response.Status.BAD_REQUEST).entity(Templates.invalid()).build()
                : Response.ok(Templates.ask(token, email.get())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@RestForm("t") String token) {
        Optional<Long> id = links().person(token);
        boolean stopped = id.isPresent() && QuarkusTransaction.requiringNew().call(() -> {
            ClientUser person = ClientUser.findById(id.get());
            if (person == null) {
                return false;
            }
            person.stopMails();
            AuditEvent.record("client", "client.mails-stopped", "client_user", person.id, null);
            return true;
        });
        return stopped ? Response.seeOther(URI.create("/unsubscribe/briefings/done")).build()
                : Response.status(Response.Status.BAD_REQUEST).entity(Templates.invalid()).build();
    }

    @GET
    @Path("done")
    public TemplateInstance done() {
        return Templates.done();
    }

    /** The person a genuine link names, if they still exist. */
    private Optional<ClientUser> person(String token) {
        return links().person(token).flatMap(id -> QuarkusTransaction.requiringNew()
                .call(() -> Optional.ofNullable(ClientUser.<ClientUser>findById(id))));
    }

    private UnsubscribeLinks links() {
        return UnsubscribeLinks.clientPeople(config.formSecret());
    }
}
