package io.harmattan.intake;

import io.harmattan.web.ApiErrors;
import io.harmattan.web.ApiErrors.Errors;
import io.harmattan.web.ApiErrors.FieldError;
import io.harmattan.web.ApiErrors.Problem;

import io.harmattan.HarmattanConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Web-to-lead for the firm's other websites: the same rules as the public form (validation,
 * quarantine, repeat detection, acknowledgement after commit), authenticated by an API key.
 */
@Path("/api/v1/leads")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class LeadApiResource {

    public record LeadRequest(String name, String email, String organisation, String jobTitle, String phone,
            List<String> sectors, List<String> countries, List<String> services, String timeframe, String needs,
            String language, Boolean consent, Boolean marketingOptIn) {

        /** No body at all is answered like a body with no field. */
        static final LeadRequest EMPTY = new LeadRequest(null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public record Created(String reference, String status) {
    }

    @Inject
    HarmattanConfig config;

    @Inject
    Intake intake;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a request for interest",
            description = "Same rules as the public form. Suspected spam is accepted and quarantined; a repeat"
                    + " of an earlier request is accepted and linked to it. A replay with the same Idempotency-Key"
                    + " returns the first call's reference and creates nothing. Without a timeframe the lead is"
                    + " recorded as 'exploring'.")
    @APIResponse(responseCode = "201", description = "Stored and committed",
            content = @Content(schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, one error each",
            content = @Content(schema = @Schema(implementation = Errors.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid X-Api-Key")
    @APIResponse(responseCode = "413", description = "Body over 256 KB")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    @APIResponse(responseCode = "429", description = "Too many requests from this email or with this API key in the last hour;"
            + " Retry-After says when to try again")
    public Response create(@HeaderParam("X-Api-Key") String apiKey, @HeaderParam("Idempotency-Key") String idempotency,
            LeadRequest request) {
        Optional<String> caller = caller(apiKey);
        if (caller.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(new Problem("missing or invalid X-Api-Key")).build();
        }
        if (idempotency != null && (idempotency.isBlank() || idempotency.length() > 100)) {
            return ApiErrors.badRequest(List.of(new FieldError("Idempotency-Key", "must be 1 to 100 characters")));
        }
        Intake.Origin origin = Intake.Origin.api(idempotency == null ? null : caller.get() + ":" + idempotency,
                intake.clientKey("api-key:" + caller.get()));
        LeadRequest body = request == null ? LeadRequest.EMPTY : request;
        InterestForm form = new InterestForm(body.name(), body.email(), body.organisation(), body.jobTitle(), body.phone(),
                body.sectors(), body.countries(), body.services(), body.timeframe() == null ? "exploring" : body.timeframe(),
                body.needs(), Boolean.TRUE.equals(body.consent()), Boolean.TRUE.equals(body.marketingOptIn()), null, null);
        Intake.Result result = intake.submit(form, body.language(), origin, Instant.now());
        if (result instanceof Intake.Invalid && request == null) {
            return ApiErrors.badRequest(List.of(new FieldError("body", "a JSON object is required")));
        }
        if (result instanceof Intake.Invalid invalid) {
            List<FieldError> errors = new ArrayList<>();
            invalid.fields().forEach((field, message) -> errors.add(new FieldError(field, message)));
            if (invalid.unknownChoice()) {
                errors.add(new FieldError("sectors/countries/services", "contains a code that is not offered"));
            }
            return ApiErrors.badRequest(errors);
        }
        if (result instanceof Intake.Limited limited) {
            return Response.status(429).header("Retry-After", Long.toString(limited.retryAfter().toSeconds()))
                    .entity(new Problem("too many requests in the last hour; retry later")).build();
        }
        String reference = ((Intake.Accepted) result).reference();
        return Response.created(URI.create("/api/v1/leads/" + reference)).entity(new Created(reference, "received")).build();
    }

    /**
     * Who is calling: a short digest of their key (never the key itself, which is not stored),
     * when the key is one of the configured ones. Keys are compared in constant time.
     */
    private Optional<String> caller(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
        for (String key : config.apiKeys().orElse(List.of())) {
            if (!key.isBlank() && MessageDigest.isEqual(given, key.strip().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(digest(key.strip()));
            }
        }
        return Optional.empty();
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
