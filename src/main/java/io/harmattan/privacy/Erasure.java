package io.harmattan.privacy;

import io.harmattan.account.People;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;

/**
 * Erasure on request: the person's requests are anonymised (see {@link Lead#erase}, which also
 * deletes the mails written to them), other mails to the address deleted, their client accounts
 * removed in the app and deleted in Keycloak, and what they read kept only as counts. Proposals
 * sent and accepted stay, as the record of a contract. The audit log says what was done and how
 * much, never to whom. Only exactly this address is erased (the columns' collation would also
 * match "rene@" for "rené@").
 */
@ApplicationScoped
public class Erasure {

    /** How much was erased. */
    public record Erased(int requests, int mails, int accounts, int views) {
    }

    @Inject
    People people;

    @Inject
    EntityManager entityManager;

    public Erased erase(String email, String actor) {
        int[] counts = null;
        // A consultant saving one of these leads at the same moment makes the first try fail whole; the second reads anew.
        for (int attempt = 1; counts == null; attempt++) {
            try {
                counts = QuarkusTransaction.requiringNew().call(() -> eraseRequests(email, actor));
            } catch (RuntimeException e) {
                if (attempt >= 3 || !causedBy(e, OptimisticLockException.class)) {
                    throw e;
                }
            }
        }
        List<String> accounts = people.erase(email, actor);
        int[] done = counts;
        QuarkusTransaction.requiringNew().run(() -> AuditEvent.record(actor, "privacy.erased", "person", null,
                "requests=" + done[0] + " mails=" + done[1] + " accounts=" + accounts.size() + " views=" + done[2]));
        return new Erased(done[0], done[1], accounts.size(), done[2]);
    }

    private int[] eraseRequests(String email, String actor) {
        List<Lead> leads = Lead.<Lead>list("email = ?1 and erasedAt is null", email).stream()
                .filter(lead -> lead.email.equalsIgnoreCase(email)).toList();
        Instant now = Instant.now();
        // Their names as they gave them: on their requests and on any client account under the address.
        List<String> names = new java.util.ArrayList<>(leads.stream().map(lead -> lead.name).toList());
        io.harmattan.account.ClientUser.<io.harmattan.account.ClientUser>list("email", email).stream()
                .filter(person -> person.email.equalsIgnoreCase(email))
                .forEach(person -> names.add(person.firstName + " " + person.lastName));
        int mails = 0;
        for (Lead lead : leads) {
            mails += lead.erase(now, actor, "request");
        }
        // Mails to the address that belong to no request (a client person's).
        mails += entityManager.createNativeQuery("DELETE FROM mail_outbox WHERE LOWER(recipient) COLLATE utf8mb4_bin = LOWER(?1)")
                .setParameter(1, email).executeUpdate();
        // Consultants' saved views that search for them or are named after them.
        int views = SavedSearches.forget(entityManager, SavedSearches.Person.of(names, List.of(email)));
        return new int[] {leads.size(), mails, views};
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
