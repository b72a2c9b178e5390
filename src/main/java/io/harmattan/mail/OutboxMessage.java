package io.harmattan.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One message of the {@link Outbox}. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 254)
    public String recipient;

    /** Where the recipient's answer goes, when not to the firm's address (a consultant's reply). */
    @Column(name = "reply_to", length = 254)
    public String replyTo;

    @Column(nullable = false, length = 300)
    public String subject;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String body;

    /** What the message is about ("proposal:12:sent"), for tests and support. */
    @Column(nullable = false, length = 100)
    public String topic;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(nullable = false)
    public int attempts;

    /** Takes the message for one send attempt; false if it is sent or someone else holds it. */
    static boolean claim(long id, Instant now, Instant until) {
        return update("claimedUntil = ?1 where id = ?2 and sentAt is null and (claimedUntil is null or claimedUntil < ?3)",
                until, id, now) == 1;
    }

    static List<Long> pending(int maxAttempts, Instant olderThan, Instant now, int max) {
        return find("select m.id from OutboxMessage m where m.sentAt is null and m.attempts < ?1 and m.createdAt < ?2"
                + " and (m.claimedUntil is null or m.claimedUntil < ?3) order by m.id", maxAttempts, olderThan, now)
                .project(Long.class).page(0, max).list();
    }

    public static List<OutboxMessage> about(String topic) {
        return list("topic = ?1 order by id", topic);
    }
}
