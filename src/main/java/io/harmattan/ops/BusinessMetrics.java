package io.harmattan.ops;

import io.harmattan.persistence.SqlTime;
import io.harmattan.proposal.ProposalState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The business side of {@code /q/metrics}: what is in the database for the whole cluster (mail
 * waiting or given up and the age of the oldest, proposals by state), read every 15 s on a thread
 * of this instance's own so that a scrape never waits for the database, and the jobs this
 * instance ran. Leads taken in and mails sent are counted where they happen (Intake, LeadMail, Outbox).
 */
@ApplicationScoped
public class BusinessMetrics {

    private static final Logger LOG = Logger.getLogger(BusinessMetrics.class);
    static final Duration REFRESH = Duration.ofSeconds(15);
    /** Both mail senders give up after 20 attempts (LeadMail, Outbox). */
    static final int MAX_ATTEMPTS = 20;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    /** Last values read: the gauges report these. */
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private ScheduledExecutorService reader;

    void start(@Observes StartupEvent started) {
        // Counters show from the start at 0, so that a dashboard's rate is right from the first lead.
        for (String source : List.of("form", "api")) {
            for (String outcome : List.of("stored", "replayed", "quarantined", "invalid", "limited")) {
                registry.counter("harmattan.leads", "source", source, "outcome", outcome);
            }
        }
        for (String kind : List.of("lead", "outbox")) {
            registry.counter("harmattan.mails.sent", "kind", kind);
            registry.counter("harmattan.mails.failed", "kind", kind);
        }
        for (String kind : List.of("lead", "outbox")) {
            gauge("harmattan.mails.pending", "Mails waiting to be sent, whole cluster", kind + ".pending", "kind", kind);
            gauge("harmattan.mails.given.up", "Mails not sent after " + MAX_ATTEMPTS + " attempts, whole cluster",
                    kind + ".failed", "kind", kind);
            gauge("harmattan.mails.oldest.pending.seconds", "Age of the oldest mail waiting, whole cluster",
                    kind + ".oldest", "kind", kind);
        }
        for (ProposalState state : ProposalState.values()) {
            gauge("harmattan.proposals", "Proposals by the state of their latest version, whole cluster",
                    "proposal." + state.code(), "state", state.code());
        }
        reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "business-metrics");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::refresh, 1, REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (reader != null) {
            reader.shutdownNow();
        }
    }

    private void gauge(String name, String description, String key, String tag, String value) {
        values.put(key, 0.0);
        Gauge.builder(name, values, map -> map.getOrDefault(key, Double.NaN)).description(description).tag(tag, value)
                .register(registry);
    }

    /** Reads the figures now (also what the tests call instead of waiting for the thread). */
    public void refresh() {
        try {
            Instant now = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> {
                // Both use their pending-mail indexes: idx_lead_mail_pending, idx_mail_outbox_pending.
                record("lead", mailFigures("mail_attempts", "submitted_at", "lead where status = 'new' and ack_sent_at is null"), now);
                record("outbox", mailFigures("attempts", "created_at", "mail_outbox where sent_at is null"), now);
                Map<String, Double> proposals = new java.util.HashMap<>();
                for (ProposalState state : ProposalState.values()) {
                    proposals.put(state.code(), 0.0);
                }
                for (Object row : entityManager.createNativeQuery("select state, count(*) from proposal group by state")
                        .getResultList()) {
                    Object[] cells = (Object[]) row;
                    proposals.put((String) cells[0], ((Number) cells[1]).doubleValue());
                }
                proposals.forEach((state, count) -> values.put("proposal." + state, count));
            });
        } catch (RuntimeException e) {
            // The database is away: the gauges keep their last values, and readiness says why.
            LOG.debugf("Business metrics not refreshed: %s", e.getClass().getSimpleName());
        }
    }

    /** Waiting, given up, and the oldest waiting: one row from {@code from} (a table and the condition of unsent mail). */
    private Object[] mailFigures(String attempts, String created, String from) {
        return (Object[]) entityManager.createNativeQuery("select"
                + " sum(case when " + attempts + " < ?1 then 1 else 0 end),"
                + " sum(case when " + attempts + " >= ?1 then 1 else 0 end),"
                + " min(case when " + attempts + " < ?1 then " + created + " end)"
                + " from " + from).setParameter(1, MAX_ATTEMPTS).getSingleResult();
    }

    private void record(String kind, Object[] row, Instant now) {
        values.put(kind + ".pending", number(row[0]));
        values.put(kind + ".failed", number(row[1]));
        Instant oldest = SqlTime.instant(row[2]);
        values.put(kind + ".oldest", oldest == null ? 0.0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
    }

    private static double number(Object cell) {
        return cell == null ? 0.0 : ((Number) cell).doubleValue();
    }

    void succeeded(@Observes SuccessfulExecution execution) {
        registry.counter("harmattan.jobs", "job", execution.getExecution().getTrigger().getId(), "outcome", "succeeded")
                .increment();
    }

    void failed(@Observes FailedExecution execution) {
        registry.counter("harmattan.jobs", "job", execution.getExecution().getTrigger().getId(), "outcome", "failed")
                .increment();
    }
}
