package io.harmattan.triage;

import io.harmattan.lead.Lead;
import io.harmattan.briefing.MatchApiResource;
import io.harmattan.briefing.MatchApiResource.BriefingView;
import io.harmattan.briefing.MatchApiResource.Inferred;
import io.harmattan.briefing.Matches;
import io.harmattan.security.Roles;
import io.harmattan.web.ApiErrors.Problem;
import io.harmattan.web.Locales;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** GET /api/v1/leads/{reference}: a lead as a consultant sees it, with what its text reveals and the briefings that fit. */
@Path("/api/v1/leads/{reference}")
@RolesAllowed(Roles.CONSULTANT)
@Produces(MediaType.APPLICATION_JSON)
public class LeadReadApiResource {

    static final int MAX_BRIEFINGS = 20;

    public record Declared(List<String> sectors, List<String> countries) {
    }

    public record LeadJson(String reference, String status, String source, Instant submittedAt, String name, String email,
            String organisation, String jobTitle, String phone, String timeframe, String needs, String language,
            List<String> services, Declared declared, Inferred inferred, Declared reviewed, String duplicateOf,
            List<BriefingView> briefings) {
    }

    @Inject
    Matches matches;

    @Inject
    Locales locales;

    @GET
    @Operation(summary = "A lead with its declared and inferred sectors and countries, status and matched briefings")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LeadJson.class)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("reference") String reference) {
        Optional<LeadJson> view = QuarkusTransaction.requiringNew().call(() -> Lead.byReference(reference).map(lead -> {
            Matches.Result result = matches.match(lead.needs, lead.sectors, lead.countries, MAX_BRIEFINGS, locales.current());
            // Once consultants have corrected the sectors and countries, the briefings follow their choice.
            Declared reviewed = lead.tagsReviewed()
                    ? new Declared(List.copyOf(lead.reviewedSectors), List.copyOf(lead.reviewedCountries)) : null;
            List<BriefingView> briefings = MatchApiResource.briefings(reviewed == null ? result
                    : matches.match("", reviewed.sectors(), reviewed.countries(), MAX_BRIEFINGS, locales.current()),
                    locales.current());
            String duplicateOf = lead.duplicateOf == null ? null
                    : Lead.<Lead>findByIdOptional(lead.duplicateOf).map(first -> first.reference).orElse(null);
            return new LeadJson(lead.reference, lead.status.code(), lead.source, lead.submittedAt, lead.name, lead.email,
                    lead.organisation, lead.jobTitle, lead.phone, lead.timeframe, lead.needs, lead.language,
                    List.copyOf(lead.services), new Declared(List.copyOf(lead.sectors), List.copyOf(lead.countries)),
                    MatchApiResource.inferred(result), reviewed, duplicateOf, briefings);
        }));
        return view.map(lead -> Response.ok(lead).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(new Problem("no lead with this reference"))
                        .build());
    }
}
