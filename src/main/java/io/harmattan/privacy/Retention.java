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
        int anonymised = 0;
        List<Long> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> Lead.find("select l.id from Lead l where l.erasedAt is null"
                    + " and l.submittedAt < ?1 and l.status <> ?2 and l.clientOrganisationId is null order by l.submittedAt",
                    keptFrom, LeadStatus.CONVERTED).project(Long.class).page(0, BATCH).list());
            for (long id : due) {
                anonymised += QuarkusTransaction.requiringNew().call(() -> {
                    Lead lead = Lead.findById(id);
                    if (lead == null || lead.erasedAt != null) {
                        return 0;
                    }
                    lead.erase(now, "system", "retention");
                    return 1;
                });
            }
        } while (due.size() == BATCH);
        int deleted = 0;
        Instant spamFrom = now.minus(SPAM_KEPT);
        do {
            due = QuarkusTransaction.requiringNew().call(() -> Lead.find("select l.id from Lead l where l.status = ?1"
                    + " and l.submittedAt < ?2 order by l.submittedAt", LeadStatus.SPAM, spamFrom).project(Long.class)
                    .page(0, BATCH).list());
            int before = deleted;
            for (long id : due) {
                try {
                    deleted += QuarkusTransaction.requiringNew().call(() -> {
                        Lead lead = Lead.findById(id);
                        if (lead == null || lead.status != LeadStatus.SPAM) {
                            return 0;
                        }
                        lead.deleteSpam("system", "retention: quarantined over 30 days");
                        return 1;
                    });
                } catch (RuntimeException e) {
                    LOG.warnf("Quarantined lead %d not deleted: %s", id, e.getClass().getSimpleName());
                }
            }
            if (deleted == before) {
                break;
            }
        } while (due.size() == BATCH);
        int anonymisedCount = anonymised;
        int deletedCount = deleted;
        if (anonymised > 0 || deleted > 0) {
            QuarkusTransaction.requiringNew().run(() -> AuditEvent.record("system", "privacy.retention", "lead", null,
                    "anonymised=" + anonymisedCount + " spam-deleted=" + deletedCount + " months="
                            + config.contact().retentionMonths()));
        }
        return new Done(anonymised, deleted);
    }
}
