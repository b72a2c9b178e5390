package io.harmattan.mail;

import io.harmattan.persistence.Committed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The cluster-safe outbox for mail that a state change owes: {@link #enqueue} writes the message
 * in the caller's transaction; once that commits, a sender thread claims the row (one conditional
 * update, so only one instance sends it) and sends it. What fails or is left behind (a relay
 * down, a restart) goes out with the clustered "mail-outbox" job, up to {@link #MAX_ATTEMPTS} tries.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    static final int MAX_ATTEMPTS = 20;
    /** Longer than one send can take (the relay's timeouts); a sender that died loses its claim then. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(15);

    @Inject
    Smtp smtp;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private final ExecutorService senders = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1000), new ThreadPoolExecutor.DiscardPolicy());

    /** Writes one message in the caller's transaction; it is sent after that transaction commits. */
    public void enqueue(String recipient, String subject, String body, String topic) {
        enqueue(recipient, null, subject, body, topic);
    }

    /** The same, with the address the recipient's answer should go to ({@code replyTo}, may be null). */
    public void enqueue(String recipient, String replyTo, String subject, String body, String topic) {
        OutboxMessage message = new OutboxMessage();
        message.recipient = recipient;
        message.replyTo = replyTo;
        message.subject = subject;
        message.body = body;
        message.topic = topic;
        message.createdAt = Instant.now();
        message.persistAndFlush();
        long messageId = message.id;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    senders.execute(() -> deliver(messageId));
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }

    @Scheduled(identity = "mail-outbox", every = "30s", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendPending() {
        // Younger messages are still with the sender that their own commit started.
        sendPending(Duration.ofSeconds(30));
    }

    void sendPending(Duration minimumAge) {
        Instant now = Instant.now();
        List<Long> pending = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.pending(MAX_ATTEMPTS, now.minus(minimumAge), now, 200));
        for (long id : pending) {
            try {
                deliver(id);
            } catch (RuntimeException e) {
                LOG.warnf("Outbox message %s not handled this round: %s", id, e.getClass().getSimpleName());
            }
        }
    }

    /** Claims, sends and records one message; nothing if it is sent already or someone else holds it. */
    void deliver(long id) {
        Instant now = Instant.now();
        OutboxMessage message = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.claim(id, now, now.plus(CLAIM))
                ? OutboxMessage.<OutboxMessage>findById(id) : null);
        if (message == null) {
            return;
        }
        boolean sent;
        try {
            smtp.send(message.recipient, message.replyTo, message.subject, message.body);
            sent = true;
        } catch (RuntimeException e) {
            LOG.warnf("Outbox message %d not sent (will retry): %s", id,
                    e instanceof Smtp.MailFailure ? e.getMessage() : e.getClass().getSimpleName());
            sent = false;
        }
        registry.counter(sent ? "harmattan.mails.sent" : "harmattan.mails.failed", "kind", "outbox").increment();
        // Recorded even if the database is away for a moment, while the claim holds: no second send.
        Instant deadline = now.plus(CLAIM).minus(CLAIM_MARGIN);
        if (sent) {
            Committed.before(deadline, () -> OutboxMessage.update("sentAt = ?1, claimedUntil = null where id = ?2",
                    Instant.now(), id));
        } else {
            Committed.before(deadline, () -> OutboxMessage.update("attempts = attempts + 1, claimedUntil = null where id = ?1", id));
        }
    }
}
