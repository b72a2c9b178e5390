package io.harmattan.briefing;

import io.harmattan.matching.MatchEngine;
import io.harmattan.reference.Choice;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import io.harmattan.security.Roles;
import io.harmattan.web.Locales;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The match explorer: paste a prospect's text or tick tags, see what the engine reads and ranks. */
@Path("/console/match")
@RolesAllowed(Roles.CONSULTANT)
@Produces(MediaType.TEXT_HTML)
public class MatchExplorerResource {

    static final int MAX_TEXT = 20_000;

    public record Explorer(String text, List<String> sectors, List<String> countries, Matches.Result result,
            String textError, List<Choice> countryOptions, List<Choice> sectorOptions) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance explorer(Explorer explorer);
    }

    @Inject
    Matches matches;

    @Inject
    Locales locales;

    @GET
    public TemplateInstance explorer() {
        return Templates.explorer(new Explorer("", List.of(), List.of(), null, null, Country.choices(), Sector.choices()));
    }

    private String tooLong() {
        return io.quarkus.qute.i18n.MessageBundles.get(io.harmattan.web.Messages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(locales.getLanguage())).match_text_too_long();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response explore(@RestForm String text, @RestForm List<String> sectors, @RestForm List<String> countries) {
        List<String> chosenSectors = sectors == null ? List.of()
                : sectors.stream().filter(MatchEngine.SECTORS::contains).distinct().toList();
        List<String> chosenCountries = countries == null ? List.of()
                : countries.stream().filter(MatchEngine.COUNTRIES::contains).distinct().toList();
        String typed = text == null ? "" : text;
        if (typed.length() > MAX_TEXT) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.explorer(new Explorer(typed,
                    chosenSectors, chosenCountries, null, tooLong(), Country.choices(), Sector.choices()))).build();
        }
        Matches.Result result = matches.match(typed, chosenSectors, chosenCountries, 25, locales.current());
        return Response.ok(Templates.explorer(new Explorer(typed, chosenSectors, chosenCountries, result, null,
                Country.choices(), Sector.choices()))).build();
    }
}
