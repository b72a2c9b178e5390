package io.harmattan.account;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Which organisation a signed-in client belongs to, and what it follows. Read on every portal
 * page, so kept for a few seconds per user (cache "memberships", application.properties): a
 * change to an organisation's sectors or countries, or a user moved out of it, shows within 10 s.
 */
@ApplicationScoped
public class Memberships {

    /** The organisation as the portal needs it; immutable. */
    public record Membership(long id, String name, Set<String> sectors, Set<String> countries) {
    }

    @CacheName("memberships")
    Cache cache;

    public Optional<Membership> of(String subject) {
        return subject == null ? Optional.empty() : cache.get(subject, Memberships::load).await().indefinitely();
    }

    private static Optional<Membership> load(String subject) {
        return QuarkusTransaction.joiningExisting().call(() -> ClientUser.withOrganisation(subject)
                .map(user -> new Membership(user.organisation.id, user.organisation.name,
                        Set.copyOf(user.organisation.sectors), Set.copyOf(user.organisation.countries))));
    }
}
