package io.harmattan.briefing;

import io.harmattan.account.ClientOrganisation;
import io.harmattan.account.ClientUser;
import io.harmattan.account.OrganisationStatus;
import io.harmattan.account.PersonStatus;
import io.harmattan.audit.AuditEvent;
import io.harmattan.matching.MatchEngine;
import io.harmattan.matching.MatchEngine.Candidate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The named recipients of a TLP:RED briefing: the client people its author names, from the
 * organisations the briefing matches. The portal shows a TLP:RED briefing to them and to nobody
 * else (every other person gets the same 404 as for a missing briefing).
 */
@ApplicationScoped
public class BriefingRecipients {

    /** A client person as the briefing page lists them: whether named now, and their organisation. */
    public record Person(long id, String name, String email, String organisation, boolean named) {
    }

    /**
     * The active people of the active organisations the briefing's current version matches, and
     * anyone already named (even if no longer matching, so that the author can remove them);
     * named ones first, then by organisation and name.
     */
    public List<Person> candidates(long briefingId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Briefing briefing = Briefing.findById(briefingId);
            BriefingVersion latest = briefing == null ? null
                    : BriefingVersion.of(briefingId, briefing.draftVersion != null ? briefing.draftVersion : briefing.publishedVersion)
                            .orElse(null);
            if (latest == null) {
                return List.<Person>of();
            }
            Set<Long> named = named(briefingId);
            List<String> countries = MatchEngine.COUNTRIES.stream().filter(latest.countries::contains).toList();
            List<String> sectors = latest.allSectors ? List.of() : MatchEngine.SECTORS.stream().filter(latest.sectors::contains).toList();
            List<Candidate> candidate = List.of(Candidate.of(briefingId, countries, sectors, Instant.now()));
            MatchEngine engine = MatchEngine.standard();
            List<Person> people = new ArrayList<>();
            List<ClientOrganisation> organisations = ClientOrganisation.list("status", OrganisationStatus.ACTIVE);
            for (ClientOrganisation organisation : organisations) {
                boolean matches = !engine.rank(engine.analyse(null, organisation.sectors, organisation.countries), candidate)
                        .isEmpty();
                for (ClientUser person : ClientUser.ofOrganisation(organisation.id)) {
                    boolean isNamed = named.contains(person.id);
                    if (isNamed || matches && person.status == PersonStatus.ACTIVE) {
                        people.add(new Person(person.id, person.name(), person.email, organisation.name, isNamed));
                    }
                }
            }
            people.sort(Comparator.comparing((Person p) -> !p.named()).thenComparing(Person::organisation)
                    .thenComparing(Person::name));
            return people;
        });
    }

    /**
     * Names exactly {@code people} as the briefing's recipients; an id that is not one of its
     * {@link #candidates} is ignored. Recorded in the audit log with the count.
     */
    public void name(long briefingId, Collection<Long> people, String actor) {
        Set<Long> allowed = new HashSet<>();
        candidates(briefingId).forEach(p -> allowed.add(p.id()));
        Set<Long> chosen = new HashSet<>(people);
        chosen.retainAll(allowed);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Briefing.getEntityManager();
            em.createNativeQuery("DELETE FROM briefing_recipient WHERE briefing_id = ?1").setParameter(1, briefingId)
                    .executeUpdate();
            Instant now = Instant.now();
            for (long person : chosen) {
                em.createNativeQuery("INSERT INTO briefing_recipient (briefing_id, client_user_id, named_by, named_at)"
                        + " VALUES (?1, ?2, ?3, ?4)").setParameter(1, briefingId).setParameter(2, person)
                        .setParameter(3, actor).setParameter(4, now).executeUpdate();
            }
            AuditEvent.record(actor, "briefing.recipients", "briefing", briefingId, "people=" + chosen.size());
        });
    }

    /** The briefings this person is named for. */
    public Set<Long> namedFor(long personId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = Briefing.getEntityManager().createNativeQuery(
                    "SELECT briefing_id FROM briefing_recipient WHERE client_user_id = ?1").setParameter(1, personId)
                    .getResultList();
            Set<Long> briefings = new HashSet<>();
            ids.forEach(id -> briefings.add(id.longValue()));
            return briefings;
        });
    }

    private static Set<Long> named(long briefingId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = Briefing.getEntityManager().createNativeQuery(
                "SELECT client_user_id FROM briefing_recipient WHERE briefing_id = ?1").setParameter(1, briefingId)
                .getResultList();
        Set<Long> people = new HashSet<>();
        ids.forEach(id -> people.add(id.longValue()));
        return people;
    }
}
