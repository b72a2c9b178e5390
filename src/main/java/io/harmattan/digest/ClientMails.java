package io.harmattan.digest;

import io.harmattan.HarmattanConfig;
import io.harmattan.account.ClientUser;
import io.harmattan.account.DigestFrequency;
import io.harmattan.account.OrganisationStatus;
import io.harmattan.account.PersonStatus;
import io.harmattan.security.UnsubscribeLinks;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the digest and the new-version alerts share: the person as a mail needs them, their texts,
 * and the two links every such mail ends with (settings, and the signed link that stops them).
 */
@ApplicationScoped
class ClientMails {

    /**
     * What a mail to one person needs, read in one transaction: what the organisation follows (what
     * the person may read), and of that what their digest covers. {@code active} is false for a
     * person or organisation whose access ended.
     */
    record Recipient(long id, String email, String name, String language, boolean active, DigestFrequency frequency,
            boolean alerts, Set<String> followedSectors, Set<String> followedCountries, Set<String> digestSectors,
            Set<String> digestCountries, Instant createdAt) {

        Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }

    @Inject
    HarmattanConfig config;

    /** The person as the mail needs them; the countries and sectors are the organisation's less those left out. */
    Recipient recipient(long personId) {
        ClientUser user = ClientUser.find("select distinct u from ClientUser u join fetch u.organisation o"
                + " left join fetch o.sectors left join fetch o.countries where u.id = ?1", personId).singleResult();
        Set<String> sectors = new HashSet<>(user.organisation.sectors);
        sectors.removeAll(user.mutedSectors);
        Set<String> countries = new HashSet<>(user.organisation.countries);
        countries.removeAll(user.mutedCountries);
        boolean active = user.status == PersonStatus.ACTIVE && user.organisation.status == OrganisationStatus.ACTIVE;
        return new Recipient(user.id, user.email, user.name().isEmpty() ? user.email : user.name(),
                "fr".equals(user.language) ? "fr" : "en", active, user.digest, user.versionAlerts,
                Set.copyOf(user.organisation.sectors), Set.copyOf(user.organisation.countries), sectors, countries,
                user.createdAt);
    }

    DigestMessages texts(Recipient person) {
        return MessageBundles.get(DigestMessages.class, Localized.Literal.of(person.language()));
    }

    String settingsLink() {
        return config.publicUrl() + "/portal/settings";
    }

    /** The signed link that stops this person's digests and alerts, in their language. */
    String stopLink(Recipient person) {
        return config.publicUrl() + "/unsubscribe/briefings?t=" + UnsubscribeLinks.clientPeople(config.formSecret())
                .token(person.id()) + "&lang=" + person.language();
    }
}
