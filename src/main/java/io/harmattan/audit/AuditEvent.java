package io.harmattan.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One line of the append-only audit log. Never carries personal data beyond ids. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 120)
    public String actor;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(name = "target_type", length = 40)
    public String targetType;

    @Column(name = "target_id", length = 64)
    public String targetId;

    @Column(length = 2000)
    public String details;

    /** Appends an event in the caller's transaction, so it commits or rolls back with the change it records. */
    public static AuditEvent record(String actor, String action, String targetType, Object targetId, String details) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now();
        event.actor = actor;
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId == null ? null : targetId.toString();
        event.details = details;
        event.persist();
        return event;
    }

    public static List<AuditEvent> forTarget(String targetType, Object targetId) {
        return list("targetType = ?1 and targetId = ?2 order by id", targetType, targetId.toString());
    }
}
