package io.harmattan.intake;

import io.harmattan.HarmattanConfig;
import io.harmattan.lead.SpamReason;
import io.harmattan.reference.AdvisoryService;
import io.harmattan.reference.Choice;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import io.harmattan.web.Locales;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The public request-for-interest form. */
@Path("/interest")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class InterestResource {

    private static final Pattern REFERENCE = Pattern.compile("^RFI-\\d{4}-\\d{5,}$");

    /** Everything the form page shows; the lists come from the reference tables. */
    public record InterestPage(InterestForm form, Map<String, String> errors, String formError, String token,
            List<Choice> countries, List<Choice> sectors, List<Choice> services, List<String> timeframes) {

        public boolean hasErrors() {
            return formError != null || !errors.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(InterestPage page);

        static native TemplateInstance received(String reference);
    }

    @Inject
    Intake intake;

    @Inject
    Validator validator;

    @Inject
    Locales locales;

    @Inject
    io.vertx.core.http.HttpServerRequest request;

    @Inject
    HarmattanConfig config;

    private FormToken tokens() {
        return new FormToken(config.formSecret());
    }

    @GET
    public TemplateInstance form() {
        return page(InterestForm.empty(), Map.of(), null, tokens().issue(Instant.now()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam InterestForm form) {
        Instant now = Instant.now();
        Optional<FormToken.Parsed> token = tokens().verify(form.token());
        if (token.isEmpty()) {
            // Unreadable or forged: keep what the person typed and give them a fresh form to send.
            return invalid(form, Map.of(), "expired", tokens().issue(now));
        }
        String clientKey = intake.clientKey(request.remoteAddress().hostAddress());
        Intake.Origin origin = Intake.Origin.form(token.get().id(), clientKey);
        Map<String, String> errors = validate(form);
        String formError = intake.knownCodes(form) ? null : "unknown-choice";
        if (!errors.isEmpty() || formError != null) {
            // A form already accepted under this token shows its receipt, whatever was sent again.
            Optional<String> already = intake.referenceOf(origin);
            return already.isPresent() ? redirectToReceipt(already.get()) : invalid(form, errors, formError, form.token());
        }
        Optional<SpamReason.Signal> spam = SpamCheck.reason(form.honeypot(), token.get().age(now), form.needs(), form.name(),
                form.organisation(), form.jobTitle());
        Intake.Outcome outcome = intake.accept(form, origin, locales.getLanguage(), spam, now);
        if (outcome instanceof Intake.Limited limited) {
            // Too many in the last hour: nothing stored, the answers kept, and when to try again.
            return Response.status(429).header("Retry-After", Long.toString(limited.retryAfter().toSeconds()))
                    .entity(page(form, Map.of(), "rate-limited", form.token())).build();
        }
        return redirectToReceipt(((Intake.Stored) outcome).reference());
    }

    @GET
    @Path("/received")
    public TemplateInstance received(@QueryParam("reference") String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException();
        }
        return Templates.received(reference);
    }

    private static Response redirectToReceipt(String reference) {
        return Response.seeOther(URI.create("/interest/received?reference=" + reference)).build();
    }

    private Map<String, String> validate(InterestForm form) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<InterestForm> violation : validator.validate(form)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return errors;
    }

    private Response invalid(InterestForm form, Map<String, String> errors, String formError, String token) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page(form, errors, formError, token)).build();
    }

    private TemplateInstance page(InterestForm form, Map<String, String> errors, String formError, String token) {
        return Templates.form(new InterestPage(form, errors, formError, token, Country.choices(), Sector.choices(),
                AdvisoryService.choices(), InterestForm.TIMEFRAMES));
    }
}
