package io.harmattan.triage;

import io.harmattan.security.Viewer;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Keeps the list of consultants a lead can be assigned to: everyone who opens the console is
 * recorded (name and email from their ID token), at most once every ten minutes per person and
 * instance (cache "consultants-seen", application.properties).
 */
@ApplicationScoped
public class Consultants {

    @CacheName("consultants-seen")
    Cache recorded;

    public void seen(Viewer viewer) {
        if (viewer.isConsultant()) {
            remember(viewer.getUsername(), viewer.getDisplayName(), viewer.getEmail());
        }
    }

    /** Records the visit unless this consultant's last one was recorded within the cache's ten minutes; when it was. */
    Instant remember(String username, String name, String email) {
        return recorded.get(username, key -> {
            Instant now = Instant.now();
            record(key, name, email, now);
            return now;
        }).await().indefinitely();
    }

    /** Adds the consultant to the directory, or refreshes their name, email and last visit. */
    void record(String username, String name, String email, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            Consultant consultant = Consultant.findById(username);
            boolean first = consultant == null;
            if (first) {
                consultant = new Consultant();
                consultant.username = username;
            }
            // Set before persist(): the insert is built from the entity as it is at that call.
            consultant.displayName = name;
            if (email != null) {
                consultant.email = email;
            }
            consultant.lastSeenAt = now;
            if (first) {
                consultant.persist();
            }
        });
    }
}
