package io.harmattan.intake;

import io.harmattan.HarmattanConfig;
import io.harmattan.lead.Lead;
import io.harmattan.reference.AdvisoryService;
import io.harmattan.reference.Choice;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import io.harmattan.web.ClientAddress;
import io.harmattan.web.Locales;
import io.harmattan.web.RefusedForms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The public request-for-interest form. */
@Path("/interest")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class InterestResource implements RefusedForms.Resend {

    private static final Pattern REFERENCE = Pattern.compile("^RFI-\\d{4}-\\d{5,}$");

    /**
     * Everything the form page shows; the lists come from the reference tables. {@code retryMinutes}:
     * when a rate-limited prospect may send again.
     */
    public record InterestPage(InterestForm form, Map<String, String> errors, String formError, long retryMinutes,
            String token, List<Choice> countries, List<Choice> sectors, List<Choice> services, List<String> timeframes) {

        public boolean hasErrors() {
            return formError != null || !errors.isEmpty();
        }

        /** The field errors in the form's order, each with the id of the input its link focuses. */
        public List<FieldError> errorList() {
            return FIELDS.stream().filter(errors::containsKey).map(field -> new FieldError(field, errors.get(field))).toList();
        }
    }

    /** An error of the summary: its field (the id its link goes to) and its message. */
    public record FieldError(String field, String message) {
    }

    /** The form's fields, top to bottom. */
    static final List<String> FIELDS = List.of("name", "email", "organisation", "jobTitle", "phone", "sectors", "countries",
            "services", "timeframe", "needs", "consent");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(InterestPage page);

        static native TemplateInstance received(String reference, Sent sent);
    }

    @Inject
    Intake intake;

    @Inject
    Locales locales;

    @Inject
    io.vertx.core.http.HttpServerRequest request;

    @Inject
    ClientAddress clientAddress;

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
        if (token.isEmpty() || token.get().isExpired(now)) {
            // Unreadable, forged or a day old: keep what the person typed and give them a fresh form to send.
            return answer(400, page(form, Map.of(), "expired", tokens().issue(now)));
        }
        Intake.Origin origin = Intake.Origin.form(token.get().id(), intake.clientKey(clientAddress.of(request)),
                form.honeypot(), token.get().age(now));
        Intake.Result result = intake.submit(form, locales.getLanguage(), origin, now);
        if (result instanceof Intake.Invalid invalid) {
            return answer(400, page(form, invalid.fields(), invalid.unknownChoice() ? "unknown-choice" : null, form.token()));
        }
        if (result instanceof Intake.Limited limited) {
            // Too many in the last hour: nothing stored, the answers kept, and when to try again.
            long minutes = Math.max(1, (limited.retryAfter().toSeconds() + 59) / 60);
            return Response.status(429).header("Retry-After", Long.toString(limited.retryAfter().toSeconds()))
                    .entity(page(form, Map.of(), "rate-limited", minutes, form.token())).build();
        }
        String reference = ((Intake.Accepted) result).reference();
        return Response.seeOther(URI.create("/interest/received?reference=" + reference))
                .cookie(new NewCookie.Builder(Receipt.COOKIE).value(receipts().issue(reference, now)).path("/interest/received")
                        .maxAge((int) Receipt.VALID.toSeconds()).httpOnly(true).secure(config.secureCookies())
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    private Receipt receipts() {
        return new Receipt(config.formSecret());
    }

    /**
     * The confirmation: the reference, and what was sent when the receipt cookie the redirect set
     * comes along (see {@link Receipt}); a reference alone shows nothing more.
     */
    @GET
    @Path("/received")
    public TemplateInstance received(@QueryParam("reference") String reference, @CookieParam(Receipt.COOKIE) String receipt) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new NotFoundException();
        }
        Sent sent = receipts().opens(reference, receipt, Instant.now())
                ? QuarkusTransaction.requiringNew().call(() -> Lead.byReference(reference).map(Sent::of).orElse(null))
                : null;
        return Templates.received(reference, sent);
    }

    /** What the prospect sent, as the confirmation repeats it (codes; the page shows their labels). */
    public record Sent(String name, String email, String organisation, String jobTitle, String phone, List<String> sectors,
            List<String> countries, List<String> services, String timeframe, String needs) {

        static Sent of(Lead lead) {
            return new Sent(lead.name, lead.email, lead.organisation, lead.jobTitle, lead.phone, List.copyOf(lead.sectors),
                    List.copyOf(lead.countries), List.copyOf(lead.services), lead.timeframe, lead.needs);
        }
    }

    /** The form with what was typed, when its post was refused before reaching {@link #submit} (see RefusedForms). */
    @Override
    public boolean handles(String path) {
        return "/interest".equals(path);
    }

    /** The form token stays when it still holds, so the time spent filling the form in still counts. */
    @Override
    public TemplateInstance page(Map<String, List<String>> typed) {
        Instant now = Instant.now();
        InterestForm form = InterestForm.typed(typed);
        String token = tokens().verify(form.token()).filter(t -> !t.isExpired(now)).map(t -> form.token())
                .orElseGet(() -> tokens().issue(now));
        return page(form, Map.of(), "expired", token);
    }

    private static Response answer(int status, TemplateInstance page) {
        return Response.status(status).entity(page).build();
    }

    private TemplateInstance page(InterestForm form, Map<String, String> errors, String formError, String token) {
        return page(form, errors, formError, 0, token);
    }

    private TemplateInstance page(InterestForm form, Map<String, String> errors, String formError, long retryMinutes,
            String token) {
        return Templates.form(new InterestPage(form, errors, formError, retryMinutes, token, Country.choices(), Sector.choices(),
                AdvisoryService.choices(), InterestForm.TIMEFRAMES));
    }
}
