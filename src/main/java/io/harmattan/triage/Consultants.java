package io.harmattan.triage;

import io.harmattan.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the list of consultants a lead can be assigned to: everyone who opens the console is
 * recorded (name and email from their ID token), at most once every ten minutes per person.
 */
@ApplicationScoped
public class Consultants {

    static final Duration REFRESH = Duration.ofMinutes(10);
    private final ConcurrentHashMap<String, Instant> recorded = new ConcurrentHashMap<>();

    public void seen(Viewer viewer) {
        if (!viewer.isConsultant()) {
            return;
        }
        String username = viewer.getUsername();
        String email = viewer.getEmail();
        Instant now = Instant.now();
        Instant last = recorded.get(username);
        if (last != null && last.plus(REFRESH).isAfter(now)) {
            return;
        }
        record(username, viewer.getDisplayName(), email, now);
        recorded.put(username, now);
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
