package io.harmattan.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which organisation a signed-in client belongs to, and what it follows. Read on every portal
 * page, so kept for a few seconds per user: a change to an organisation's sectors or countries,
 * or a user moved out of it, shows within {@value #TTL_MILLIS} ms.
 */
@ApplicationScoped
public class Memberships {

    /** The organisation as the portal needs it; immutable. */
    public record Membership(long id, String name, Set<String> sectors, Set<String> countries) {
    }

    static final long TTL_MILLIS = 10_000;
    private static final int MAX_ENTRIES = 10_000;

    private record Cached(Optional<Membership> membership, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public Optional<Membership> of(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Cached cached = cache.get(subject);
        if (cached != null && now - cached.loadedAt < TTL_MILLIS) {
            return cached.membership;
        }
        Optional<Membership> loaded = QuarkusTransaction.joiningExisting().call(() -> ClientUser.withOrganisation(subject)
                .map(user -> new Membership(user.organisation.id, user.organisation.name,
                        Set.copyOf(user.organisation.sectors), Set.copyOf(user.organisation.countries))));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(subject, new Cached(loaded, now));
        return loaded;
    }
}
