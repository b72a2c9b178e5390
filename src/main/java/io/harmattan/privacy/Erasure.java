package io.harmattan.privacy;

import io.harmattan.account.People;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Erasure on request: the person's requests are anonymised (see {@link Lead#erase}), the mails
 * written to them deleted, their client accounts removed in the app and deleted in Keycloak, and
 * what they read kept only as counts. Proposals sent and accepted stay, as the record of a
 * contract. The audit log says what was done and how much, never to whom.
 */
@ApplicationScoped
public class Erasure {

    /** How much was erased. */
    public record Erased(int requests, int mails, int accounts) {
    }

    @Inject
    People people;

    @Inject
    EntityManager entityManager;

    public Erased erase(String email, String actor) {
        int[] counts = QuarkusTransaction.requiringNew().call(() -> {
            List<Lead> leads = Lead.list("email = ?1 and erasedAt is null", email);
            Instant now = Instant.now();
            leads.forEach(lead -> lead.erase(now, actor, "request"));
            int mails = entityManager.createNativeQuery("DELETE FROM mail_outbox WHERE recipient = ?1")
                    .setParameter(1, email).executeUpdate();
            return new int[] {leads.size(), mails};
        });
        List<String> accounts = people.erase(email, actor);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String subject : accounts) {
                // Who read what stays countable (readership per briefing and organisation), by nobody in particular.
                entityManager.createNativeQuery("UPDATE briefing_read SET subject = CONCAT('erased-', id), username = ?1"
                        + " WHERE subject = ?2").setParameter(1, Lead.ERASED).setParameter(2, subject).executeUpdate();
            }
            AuditEvent.record(actor, "privacy.erased", "person", null,
                    "requests=" + counts[0] + " mails=" + counts[1] + " accounts=" + accounts.size());
        });
        return new Erased(counts[0], counts[1], accounts.size());
    }
}
