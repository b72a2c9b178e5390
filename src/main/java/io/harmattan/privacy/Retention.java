package io.harmattan.privacy;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Keeps the form's promise: a prospect who never became a client is anonymised once the period it
 * states has passed (24 months unless configured), and quarantined spam is deleted after 30 days.
 * A clustered job, so one instance does it; each lead in its own short transaction, in batches, so
 * a large first run never holds locks for long; each run leaves one audit entry with its counts.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final Duration SPAM_KEPT = Duration.ofDays(30);
    private static final int BATCH = 500;

    /** What one run did. */
    public record Done(int anonymised, int spamDeleted) {
    }

    @Inject
    HarmattanConfig config;

    /** Every six hours in production; "off" where leads are made old on purpose (tests, benchmarks). */
    @Scheduled(identity = "retention", every = "${harmattan.retention-every}", delayed = "240s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        apply(Instant.now());
    }

    /** Anonymises and deletes what is due at {@code now}. */
    public Done apply(Instant now) {
        Instant keptFrom = now.atOffset(ZoneOffset.UTC).minusMonths(config.contact().retentionMonths()).toInstant();
        // Old enough, never a client, not yet erased, and nothing done on it within the period either.
        java.util.concurrent.atomic.AtomicInteger views = new java.util.concurrent.atomic.AtomicInteger();
        int anonymised = each("select l.id, l.submittedAt from Lead l where l.erasedAt is null and l.submittedAt < ?1"
                + " and l.status <> ?2 and l.clientOrganisationId is null and not exists (select 1 from LeadEvent e"
                + " where e.leadId = l.id and e.occurredAt >= ?1)", keptFrom, LeadStatus.CONVERTED, "submittedAt", id -> {
                    Lead lead = Lead.findById(id);
                    if (lead == null || lead.erasedAt != null) {
                        return false;
                    }
                    // In the same transaction: the views lose the name exactly when the lead does.
                    int cleaned = SavedSearches.forget(Lead.getEntityManager(),
                            SavedSearches.Person.of(List.of(lead.name), List.of(lead.email)));
                    lead.erase(now, "system", "retention");
                    views.addAndGet(cleaned);
                    return true;
                });
        int deleted = each("select l.id, l.quarantinedAt from Lead l where l.status = ?2 and l.quarantinedAt < ?1",
                now.minus(SPAM_KEPT), LeadStatus.SPAM, "quarantinedAt", id -> {
                    Lead lead = Lead.findById(id);
                    if (lead == null || lead.status != LeadStatus.SPAM) {
                        return false;
                    }
                    lead.deleteSpam("system", "retention: quarantined over 30 days");
                    return true;
                });
        if (anonymised > 0 || deleted > 0) {
            QuarkusTransaction.requiringNew().run(() -> AuditEvent.record("system", "privacy.retention", "lead", null,
                    "anonymised=" + anonymised + " spam-deleted=" + deleted + " views=" + views.get() + " months="
                            + config.contact().retentionMonths()));
        }
        return new Done(anonymised, deleted);
    }

    /**
     * Applies {@code action} to each lead the query finds, {@value #BATCH} at a time in the order of
     * {@code column} then id (keyset paging: each batch starts after the last, so rows the action
     * leaves, or fails on, are never read twice), each in its own transaction. Returns how many it
     * acted on.
     */
    private int each(String query, Instant before, LeadStatus status, String column, Predicate<Long> action) {
        String paged = query + " and (l." + column + " > ?3 or (l." + column + " = ?3 and l.id > ?4)) order by l." + column
                + ", l.id";
        Instant afterTime = Instant.EPOCH;
        long afterId = 0;
        int done = 0;
        List<Object[]> batch;
        do {
            Instant time = afterTime;
            long last = afterId;
            batch = QuarkusTransaction.requiringNew().call(() -> Lead.getEntityManager().createQuery(paged, Object[].class)
                    .setParameter(1, before).setParameter(2, status).setParameter(3, time).setParameter(4, last)
                    .setMaxResults(BATCH).getResultList());
            for (Object[] row : batch) {
                long id = (Long) row[0];
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> action.test(id))) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("Retention left lead %d for the next run: %s", id, e.getClass().getSimpleName());
                }
                afterTime = (Instant) row[1];
                afterId = id;
            }
        } while (batch.size() == BATCH);
        return done;
    }
}
