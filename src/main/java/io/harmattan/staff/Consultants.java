package io.harmattan.staff;

import io.harmattan.security.Viewer;
import io.harmattan.web.Locales;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    Locales locales;

    public void seen(Viewer viewer) {
        if (viewer.isConsultant()) {
            remember(viewer.getUsername(), viewer.getDisplayName(), viewer.getEmail(), locales.current().getLanguage());
        }
    }

    /**
     * Records the visit unless this consultant's last one, in the same language, was recorded within
     * the cache's ten minutes; when it was.
     */
    Instant remember(String username, String name, String email, String language) {
        return recorded.get(username + "/" + language, key -> {
            Instant now = Instant.now();
            record(username, name, email, language, now);
            return now;
        }).await().indefinitely();
    }

    /** Adds the consultant to the directory, or refreshes their name, email, language and last visit. */
    void record(String username, String name, String email, String language, Instant now) {
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
            consultant.language = language;
            consultant.lastSeenAt = now;
            if (first) {
                consultant.persist();
            }
        });
    }
}
