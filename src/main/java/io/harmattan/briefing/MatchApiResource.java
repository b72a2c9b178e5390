package io.harmattan.briefing;

import io.harmattan.matching.MatchEngine;
import io.harmattan.matching.MatchEngine.Tag;
import io.harmattan.security.Roles;
import io.harmattan.web.ApiErrors;
import io.harmattan.web.ApiErrors.Errors;
import io.harmattan.web.ApiErrors.FieldError;
import io.harmattan.web.Locales;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * POST /api/v1/match: what a text and declared tags reveal, and the published briefings that fit,
 * best first, each with its reasons (in the language of Accept-Language).
 */
@Path("/api/v1/match")
@RolesAllowed(Roles.CONSULTANT)
@Produces(MediaType.APPLICATION_JSON)
public class MatchApiResource {

    static final int MAX_TEXT = 20_000;
    static final int MAX_CODES = 20;
    static final int MAX_BRIEFINGS = 50;

    public record MatchRequest(String text, List<String> sectors, List<String> countries) {
    }

    public record TagView(String code, List<String> evidence) {
    }

    public record PlaceView(String name, String country) {
    }

    public record Inferred(List<TagView> sectors, List<TagView> countries, List<PlaceView> places) {
    }

    public record BriefingView(long id, String title, List<String> countries, List<String> sectors, double score,
            List<String> reasons) {
    }

    public record MatchResponse(Inferred inferred, List<BriefingView> briefings) {
    }

    @Inject
    Matches matches;

    @Inject
    Locales locales;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Infer sectors, countries and places from text and rank the published briefings")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MatchResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = Errors.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the consultant role")
    public Response match(MatchRequest request) {
        if (request == null) {
            return ApiErrors.badRequest(List.of(new FieldError("body", "a JSON object is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.text() != null && request.text().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "must be at most " + MAX_TEXT + " characters"));
        }
        check("sectors", request.sectors(), MatchEngine.SECTORS, errors);
        check("countries", request.countries(), MatchEngine.COUNTRIES, errors);
        if (!errors.isEmpty()) {
            return ApiErrors.badRequest(errors);
        }
        Matches.Result result = matches.match(request.text(), orEmpty(request.sectors()), orEmpty(request.countries()),
                MAX_BRIEFINGS, locales.current());
        return Response.ok(new MatchResponse(inferred(result), briefings(result, locales.current()))).build();
    }

    /** What the text revealed, as the JSON API shows it. */
    public static Inferred inferred(Matches.Result result) {
        return new Inferred(inferred(result.analysis().sectors()), inferred(result.analysis().countries()),
                result.analysis().places().stream().map(p -> new PlaceView(p.name(), p.country())).toList());
    }

    /** The ranked briefings, as the JSON API shows them. */
    public static List<BriefingView> briefings(Matches.Result result, java.util.Locale locale) {
        return result.briefings().stream().map(m -> new BriefingView(m.briefing().id(), m.briefing().title(locale),
                m.briefing().countries(), m.briefing().allSectors() ? MatchEngine.SECTORS : m.briefing().sectors(),
                m.score(), m.reasons())).toList();
    }

    /** Only what the text revealed: declared tags are the caller's own input. */
    private static List<TagView> inferred(List<Tag> tags) {
        return tags.stream().filter(tag -> !tag.evidence().isEmpty()).map(tag -> new TagView(tag.code(), tag.evidence()))
                .toList();
    }

    private static void check(String field, List<String> codes, List<String> known, List<FieldError> errors) {
        if (codes == null) {
            return;
        }
        if (codes.size() > MAX_CODES) {
            errors.add(new FieldError(field, "must list at most " + MAX_CODES + " codes"));
        } else if (codes.stream().anyMatch(code -> code == null || !known.contains(code))) {
            errors.add(new FieldError(field, "must be among " + String.join(", ", known)));
        }
    }

    private static List<String> orEmpty(List<String> codes) {
        return codes == null ? List.of() : codes;
    }
}
