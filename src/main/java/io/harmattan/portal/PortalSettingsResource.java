package io.harmattan.portal;

import io.harmattan.account.ClientUser;
import io.harmattan.account.DigestFrequency;
import io.harmattan.account.Memberships;
import io.harmattan.account.Memberships.Membership;
import io.harmattan.reference.Choice;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import io.harmattan.security.Roles;
import io.harmattan.security.Viewer;
import io.harmattan.web.Flash;
import io.harmattan.web.Locales;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The client's own settings: the language of the portal and of the mails, how often the digest
 * comes, which of the organisation's countries and sectors it covers, and whether a new version of
 * a briefing they read is mailed at once. Only the person's own row is read or written.
 */
@Path("/portal/settings")
@RolesAllowed(Roles.CLIENT)
@Produces(MediaType.TEXT_HTML)
public class PortalSettingsResource {

    /**
     * The page: what is chosen (or was typed, after an error), what can be chosen, and the field in
     * error ({@code countries} or {@code sectors}), if any.
     */
    public record SettingsPage(String language, String digest, boolean alerts, List<Choice> countryChoices,
            Set<String> countries, List<Choice> sectorChoices, Set<String> sectors, String error) {

        public List<String> languages() {
            return List.of("en", "fr");
        }

        public List<String> frequencies() {
            return Arrays.stream(DigestFrequency.values()).map(DigestFrequency::code).toList();
        }

        public boolean hasError(String field) {
            return field.equals(error);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsPage page);
    }

    @Inject
    Viewer viewer;

    @Inject
    Memberships memberships;

    @Inject
    HttpServerRequest request;

    @GET
    public TemplateInstance show() {
        Membership organisation = memberships.require(viewer.getSubject());
        return Templates.settings(QuarkusTransaction.requiringNew().call(() -> {
            ClientUser person = ClientUser.findById(organisation.personId());
            Set<String> countries = new LinkedHashSet<>(organisation.countries());
            countries.removeAll(person.mutedCountries);
            Set<String> sectors = new LinkedHashSet<>(organisation.sectors());
            sectors.removeAll(person.mutedSectors);
            return page(organisation, person.language, person.digest.code(), person.versionAlerts, countries, sectors, null);
        }));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String language, @RestForm String digest, @RestForm List<String> countries,
            @RestForm List<String> sectors, @RestForm String alerts) {
        Membership organisation = memberships.require(viewer.getSubject());
        String chosenLanguage = "fr".equals(language) ? "fr" : "en";
        DigestFrequency frequency = DigestFrequency.ofCode(digest).orElse(DigestFrequency.WEEKLY);
        Set<String> wantedCountries = among(countries, organisation.countries());
        Set<String> wantedSectors = among(sectors, organisation.sectors());
        boolean wantsAlerts = "yes".equals(alerts);
        String error = frequency == DigestFrequency.OFF ? null
                : wantedCountries.isEmpty() ? "countries" : wantedSectors.isEmpty() ? "sectors" : null;
        if (error != null) {
            SettingsPage typed = QuarkusTransaction.requiringNew().call(() -> page(organisation, chosenLanguage,
                    frequency.code(), wantsAlerts, wantedCountries, wantedSectors, error));
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.settings(typed)).build();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ClientUser person = ClientUser.findById(organisation.personId());
            person.choose(chosenLanguage, frequency, wantsAlerts, without(organisation.countries(), wantedCountries),
                    without(organisation.sectors(), wantedSectors));
        });
        boolean https = "https".equals(request.scheme());
        // The page in the language just chosen, as the language switch would.
        return Response.seeOther(URI.create("/portal/settings"))
                .cookie(Flash.set(Flash.SETTINGS_SAVED, https), Locales.cookie(chosenLanguage, https)).build();
    }

    private static SettingsPage page(Membership organisation, String language, String digest, boolean alerts,
            Set<String> countries, Set<String> sectors, String error) {
        List<Choice> countryChoices = Country.choices().stream().filter(c -> organisation.countries().contains(c.code())).toList();
        List<Choice> sectorChoices = Sector.choices().stream().filter(c -> organisation.sectors().contains(c.code())).toList();
        return new SettingsPage(language, digest, alerts, countryChoices, countries, sectorChoices, sectors, error);
    }

    /** The submitted codes that are the organisation's; anything else is ignored. */
    private static Set<String> among(List<String> submitted, Set<String> allowed) {
        return submitted == null ? Set.of() : submitted.stream().filter(allowed::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> without(Set<String> all, Set<String> wanted) {
        return all.stream().filter(code -> !wanted.contains(code)).collect(Collectors.toSet());
    }
}
