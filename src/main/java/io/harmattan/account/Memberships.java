package io.harmattan.account;

import io.harmattan.web.AccessEnded;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Which organisation a signed-in client belongs to, and what it follows; empty for a person who
 * is suspended or removed, or whose organisation is suspended. Read on every portal page, so kept
 * for a few seconds per user (cache "memberships", application.properties). A change made on this
 * instance forgets the entry at once; other instances see it within the cache's 10 s. That is the
 * documented re-check interval: the identity cookie is never trusted for the organisation.
 */
@ApplicationScoped
public class Memberships {

    /** The organisation as the portal needs it, and the person's own id ({@code personId}); immutable. */
    public record Membership(long id, String name, Set<String> sectors, Set<String> countries, long personId) {
    }

    @CacheName("memberships")
    Cache cache;

    public Optional<Membership> of(String subject) {
        return subject == null ? Optional.empty() : cache.get(subject, Memberships::load).await().indefinitely();
    }

    /** The membership, or a 403 that says access has ended, for a client who has none (suspended, removed, never linked). */
    public Membership require(String subject) {
        return of(subject).orElseThrow(AccessEnded::new);
    }

    void forget(String subject) {
        if (subject != null && !subject.isEmpty()) {
            cache.invalidate(subject).await().indefinitely();
        }
    }

    void forgetAll() {
        cache.invalidateAll().await().indefinitely();
    }

    private static Optional<Membership> load(String subject) {
        return QuarkusTransaction.joiningExisting().call(() -> ClientUser.withOrganisation(subject)
                .map(user -> new Membership(user.organisation.id, user.organisation.name,
                        Set.copyOf(user.organisation.sectors), Set.copyOf(user.organisation.countries), user.id)));
    }
}
