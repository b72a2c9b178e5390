package io.harmattan.lead;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.web.Messages;
import io.harmattan.mail.Smtp;
import io.harmattan.security.UnsubscribeLinks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.harmattan.persistence.Committed;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Whoever sends a lead's mail first claims it in the database ({@link #claimMail}), so that two
 * instances, or the retry job and the sender a new lead was handed to, never both send it.
 */
@ApplicationScoped
public class LeadMail {

    private static final Logger LOG = Logger.getLogger(LeadMail.class);
    static final int MAX_ATTEMPTS = 20;
    /** Longer than the two sends can take (10 s timeouts each); a sender that died loses its claim then. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /** A sender stops trying to record its send this long before its claim runs out. */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(15);

    /** What the two messages say of a lead, copied out of it when its mail is claimed. */
    record Letter(long id, String reference, String name, String email, String language, String organisation,
            String countries, String sectors, Instant ackSentAt, Instant triageNotifiedAt, int mailAttempts, Sent sent,
            boolean marketingOptIn) {

        static Letter of(Lead lead) {
            return new Letter(lead.id, lead.reference, lead.name, lead.email, lead.language, lead.organisation,
                    String.join(", ", lead.countries), String.join(", ", lead.sectors), lead.ackSentAt, lead.triageNotifiedAt,
                    lead.mailAttempts, new Sent(lead.jobTitle, lead.phone, List.copyOf(lead.sectors), List.copyOf(lead.countries),
                            List.copyOf(lead.services), lead.timeframe, lead.needs), lead.marketingOptIn);
        }
    }

    /** What the acknowledgement repeats of the request, besides name, organisation and reference (codes). */
    record Sent(String jobTitle, String phone, List<String> sectors, List<String> countries, List<String> services,
            String timeframe, String needs) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance acknowledgement(Letter lead, String firm, Locale locale, String unsubscribe);

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
     * (Public for the fault suite: a killed instance can leave one mail per sender sent twice.)
     */
    public static final int SENDERS = 4;
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

    /**
     * A claim for a lead's mail that starts now: a new lead is stored already claimed by the sender
     * it is handed to ({@link #enqueueClaimed}), which saves the intake a transaction per lead.
     * Whole milliseconds, which the column keeps exactly, so that the release matches its own claim.
     */
    public static Instant newClaim(Instant now) {
        return now.plus(CLAIM).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Sends the mail of a lead stored with {@code claim} ({@link #newClaim}); if the queue drops it, the claim runs out. */
    public void enqueueClaimed(long leadId, Instant claim) {
        later(() -> deliverClaimed(leadId, claim));
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
                .call(() -> awaitingMail(MAX_ATTEMPTS, now.minus(minimumAge), now, 200));
        for (long leadId : pending) {
            try {
                deliver(leadId);
            } catch (RuntimeException e) {
                // One lead that cannot be claimed or read must not hold up the others behind it.
                LOG.warnf("Mail for lead %d not handled this round: %s", leadId, e.getClass().getSimpleName());
            }
        }
    }

    /** Sends what this lead still lacks, recording each success and counting a failure; nothing if another sender holds it. */
    public void deliver(long leadId) {
        Instant now = Instant.now();
        Instant claim = newClaim(now);
        if (QuarkusTransaction.requiringNew().call(() -> claimMail(leadId, now, claim))) {
            deliverClaimed(leadId, claim);
        }
    }

    private void deliverClaimed(long leadId, Instant claim) {
        if (Instant.now().isAfter(claim.minus(CLAIM_MARGIN))) {
            // Waited in the queue until the claim is nearly gone (a hanging relay): leave it to the retry
            // job once it lapses, rather than send what another sender may claim and send meanwhile.
            return;
        }
        Letter lead = QuarkusTransaction.requiringNew().call(() -> Letter.of(Lead.findById(leadId)));
        Instant acknowledged = null;
        Instant notified = null;
        boolean failed = false;
        // Both messages over one connection to the relay; the prospect's last, right before the record, so that
        // an instance dying between the relay's "sent" and the record (then sent again) is as unlikely as can be.
        try (Smtp.Connection mail = smtp.open()) {
            if (lead.triageNotifiedAt() == null) {
                Messages texts = MessageBundles.get(Messages.class, Localized.Literal.of("en"));
                mail.send(config.triageAddress(), texts.mail_triage_subject(lead.reference()),
                        Templates.triage(lead).setLocale(Locale.ENGLISH).render());
                notified = Instant.now();
            }
            if (lead.ackSentAt() == null) {
                Messages texts = MessageBundles.get(Messages.class, Localized.Literal.of(lead.language()));
                Locale locale = Locale.forLanguageTag(lead.language());
                // Whoever agreed to receive news can stop it from this mail, without signing in.
                String unsubscribe = lead.marketingOptIn() ? config.publicUrl() + "/unsubscribe?t="
                        + UnsubscribeLinks.prospects(config.formSecret()).token(lead.email()) : null;
                String body = Templates.acknowledgement(lead, config.firmName(), locale, unsubscribe).setLocale(locale).render();
                mail.send(lead.email(), texts.mail_ack_subject(lead.reference()), body);
                acknowledged = Instant.now();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Mail for lead %d not sent (will retry): %s", leadId,
                    e instanceof Smtp.MailFailure ? e.getMessage() : e.getClass().getSimpleName());
            failed = true;
        }
        record(leadId, claim, acknowledged, notified, failed ? lead.mailAttempts() + 1 : 0);
        int sent = (acknowledged == null ? 0 : 1) + (notified == null ? 0 : 1);
        if (sent > 0) {
            registry.counter("harmattan.mails.sent", "kind", "lead").increment(sent);
        }
        if (failed) {
            registry.counter("harmattan.mails.failed", "kind", "lead").increment();
        }
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /**
     * What went out (and what failed) in one transaction. Bulk updates leave the lead's version
     * alone: a mail going out is no edit that should make a consultant's open page stale. Should the
     * database be away, the record is tried again while this sender still holds the claim (less a
     * margin), so that a mail already sent is not sent again by the retry job.
     */
    private static void record(long leadId, Instant claim, Instant acknowledged, Instant notified, int failedAttempt) {
        Committed.before(claim.minus(CLAIM_MARGIN), () -> {
            releaseMail(leadId, claim);
            // Only the first record of a send counts, should a sender outlive its claim.
            if (acknowledged != null && Lead.update("ackSentAt = ?1 where id = ?2 and ackSentAt is null",
                    acknowledged, leadId) == 1) {
                AuditEvent.record("system", "lead.acknowledged", "lead", leadId, null);
            }
            if (notified != null && Lead.update("triageNotifiedAt = ?1 where id = ?2 and triageNotifiedAt is null",
                    notified, leadId) == 1) {
                AuditEvent.record("system", "lead.triage-notified", "lead", leadId, null);
            }
            if (failedAttempt > 0) {
                Lead.update("mailAttempts = mailAttempts + 1 where id = ?1", leadId);
                AuditEvent.record("system", "lead.mail-failed", "lead", leadId, "attempt " + failedAttempt);
            }
        });
    }

    // --- The outbox's queries: its columns are the lead's, its rules are here --------------------

    /** Genuine leads whose acknowledgement or notice has not gone out yet and that no sender holds, oldest first. */
    static List<Long> awaitingMail(int maxAttempts, Instant submittedBefore, Instant now, int limit) {
        return Lead.getEntityManager().createQuery("select l.id from Lead l where l.status = ?1"
                + " and (l.ackSentAt is null or l.triageNotifiedAt is null) and l.mailAttempts < ?2"
                + " and l.submittedAt < ?3 and (l.mailClaimedUntil is null or l.mailClaimedUntil < ?4) order by l.id",
                Long.class).setParameter(1, LeadStatus.NEW).setParameter(2, maxAttempts).setParameter(3, submittedBefore)
                .setParameter(4, now).setMaxResults(limit).getResultList();
    }

    /**
     * Claims the lead's pending mail for one sender until {@code until}, in one conditional update:
     * of two senders racing for the same row, the database lets exactly one match. False when there
     * is nothing to send or another sender holds it. A bulk update, so the lead's version (what a
     * consultant's open page saw) stays as it is.
     */
    static boolean claimMail(long id, Instant now, Instant until) {
        return Lead.update("mailClaimedUntil = ?1 where id = ?2 and status = ?3"
                + " and (ackSentAt is null or triageNotifiedAt is null)"
                + " and (mailClaimedUntil is null or mailClaimedUntil < ?4)", until, id, LeadStatus.NEW, now) == 1;
    }

    /** Gives up this sender's claim, never one that another sender took after it expired. */
    static void releaseMail(long id, Instant claim) {
        Lead.update("mailClaimedUntil = null where id = ?1 and mailClaimedUntil = ?2", id, claim);
    }
}
