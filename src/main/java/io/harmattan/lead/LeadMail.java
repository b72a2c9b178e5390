package io.harmattan.lead;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.web.Messages;
import io.harmattan.mail.Smtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The acknowledgement to the prospect, in their language, and the notice to the consultants.
 * Mail goes out only after the lead is committed; what fails is counted on the lead and sent
 * again by the retry job, so a mail outage delays an acknowledgement but never loses a lead.
 * Whoever sends a lead's mail first claims it in the database ({@link Lead#claimMail}), so that two
 * instances, or the retry job and the sender a new lead was handed to, never both send it.
 */
@ApplicationScoped
public class LeadMail {

    private static final Logger LOG = Logger.getLogger(LeadMail.class);
    static final int MAX_ATTEMPTS = 20;
    /** Longer than the two sends can take (10 s timeouts each); a sender that died loses its claim then. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    /** What the two messages say of a lead, copied out of it when its mail is claimed. */
    record Letter(long id, String reference, String name, String email, String language, String organisation,
            String countries, String sectors, Instant ackSentAt, Instant triageNotifiedAt, int mailAttempts) {

        static Letter of(Lead lead) {
            return new Letter(lead.id, lead.reference, lead.name, lead.email, lead.language, lead.organisation,
                    String.join(", ", lead.countries), String.join(", ", lead.sectors), lead.ackSentAt, lead.triageNotifiedAt,
                    lead.mailAttempts);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance acknowledgement(Letter lead, String firm);

        static native TemplateInstance triage(Letter lead);
    }

    @Inject
    Smtp smtp;

    @Inject
    HarmattanConfig config;

    /**
     * Mail goes out on a few threads of its own, never on the request workers: a slow or busy
     * mail server then delays acknowledgements but cannot hold up the pages and the intake. What
     * does not fit in the queue is left to {@link #sendPending()}, which finds it in the database.
     */
    static final int SENDERS = 4;
    static final int QUEUE = 2_000;
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(SENDERS, SENDERS, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "lead-mail");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    /** Sends the lead's mail soon, after the caller's commit; never blocks the caller. */
    public void enqueue(long leadId) {
        later(() -> deliver(leadId));
    }

    /** Any other mail job (a notice to a consultant) on the same threads; dropped if the queue is full. */
    public void later(Runnable job) {
        senders.execute(job);
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }

    /**
     * Whatever earlier attempts left unsent (an outage, a full queue, a restart). Quartz fires it on
     * one instance at a time; each lead's mail is claimed before it is sent all the same. Leads
     * younger than a minute are still in some sender's queue.
     */
    @Scheduled(identity = "lead-mail-retry", every = "30s", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sendPending() {
        sendPending(Duration.ofMinutes(1));
    }

    void sendPending(Duration minimumAge) {
        Instant now = Instant.now();
        List<Long> pending = QuarkusTransaction.requiringNew()
                .call(() -> Lead.awaitingMail(MAX_ATTEMPTS, now.minus(minimumAge), now, 200));
        pending.forEach(this::deliver);
    }

    /** Sends what this lead still lacks, recording each success and counting a failure; nothing if another sender holds it. */
    public void deliver(long leadId) {
        Instant now = Instant.now();
        Letter lead = QuarkusTransaction.requiringNew().call(
                () -> Lead.claimMail(leadId, now, now.plus(CLAIM)) ? Letter.of(Lead.findById(leadId)) : null);
        if (lead == null) {
            return;
        }
        Instant acknowledged = null;
        Instant notified = null;
        boolean failed = false;
        // Both messages over one connection to the relay.
        try (Smtp.Connection mail = smtp.open()) {
            if (lead.ackSentAt() == null) {
                Messages texts = MessageBundles.get(Messages.class, Localized.Literal.of(lead.language()));
                String body = Templates.acknowledgement(lead, config.firmName())
                        .setLocale(Locale.forLanguageTag(lead.language())).render();
                mail.send(lead.email(), texts.mail_ack_subject(lead.reference()), body);
                acknowledged = Instant.now();
            }
            if (lead.triageNotifiedAt() == null) {
                Messages texts = MessageBundles.get(Messages.class, Localized.Literal.of("en"));
                mail.send(config.triageAddress(), texts.mail_triage_subject(lead.reference()),
                        Templates.triage(lead).setLocale(Locale.ENGLISH).render());
                notified = Instant.now();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Mail for lead %d not sent (will retry): %s", leadId,
                    e instanceof Smtp.MailFailure ? e.getMessage() : e.getClass().getSimpleName());
            failed = true;
        }
        record(leadId, acknowledged, notified, failed ? lead.mailAttempts() + 1 : 0);
    }

    /**
     * What went out (and what failed) in one transaction. Bulk updates leave the lead's version
     * alone: a mail going out is no edit that should make a consultant's open page stale.
     */
    private static void record(long leadId, Instant acknowledged, Instant notified, int failedAttempt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Lead.releaseMail(leadId);
            if (acknowledged != null) {
                Lead.update("ackSentAt = ?1 where id = ?2", acknowledged, leadId);
                AuditEvent.record("system", "lead.acknowledged", "lead", leadId, null);
            }
            if (notified != null) {
                Lead.update("triageNotifiedAt = ?1 where id = ?2", notified, leadId);
                AuditEvent.record("system", "lead.triage-notified", "lead", leadId, null);
            }
            if (failedAttempt > 0) {
                Lead.update("mailAttempts = mailAttempts + 1 where id = ?1", leadId);
                AuditEvent.record("system", "lead.mail-failed", "lead", leadId, "attempt " + failedAttempt);
            }
        });
    }
}
