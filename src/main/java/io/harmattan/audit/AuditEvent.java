package io.harmattan.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * What the admin filters the log by; blank fields do not filter. Dates are whole UTC days,
     * both included; the action matches as a prefix ("person." finds every change to people).
     */
    public record Filter(String actor, String action, String targetType, String targetId, LocalDate from,
            LocalDate to) {

        /** The JPQL condition and its parameters, always bound. */
        Where where() {
            StringBuilder sql = new StringBuilder("1 = 1");
            Map<String, Object> params = new LinkedHashMap<>();
            if (present(actor)) {
                sql.append(" and actor = :actor");
                params.put("actor", actor.strip());
            }
            if (present(action)) {
                sql.append(" and action like :action");
                // Codes hold no wildcard; one typed by hand is dropped rather than escaped.
                params.put("action", action.strip().replaceAll("[%_\\\\]", "") + "%");
            }
            if (present(targetType)) {
                sql.append(" and targetType = :targetType");
                params.put("targetType", targetType.strip());
            }
            if (present(targetId)) {
                sql.append(" and targetId = :targetId");
                params.put("targetId", targetId.strip());
            }
            if (from != null) {
                sql.append(" and occurredAt >= :from");
                params.put("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (to != null) {
                sql.append(" and occurredAt < :to");
                params.put("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return new Where(sql.toString(), params);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    record Where(String sql, Map<String, Object> params) {
    }

    /** One page of the filtered log, newest first, from before the event {@code before} (null: the newest). */
    public static List<AuditEvent> page(Filter filter, Long before, int size) {
        Where where = filter.where();
        String sql = where.sql() + (before == null ? "" : " and id < :before") + " order by id desc";
        Parameters params = new Parameters();
        where.params().forEach(params::and);
        if (before != null) {
            params.and("before", before);
        }
        return find(sql, params).page(0, size).list();
    }

    /** The whole filtered log, newest first, for the CSV download; at most {@code max} events. */
    public static List<AuditEvent> export(Filter filter, int max) {
        return page(filter, null, max);
    }

    /** The distinct actions recorded, for the filter's choices. */
    public static List<String> actions() {
        return find("select distinct e.action from AuditEvent e order by e.action").project(String.class).list();
    }

    public static List<AuditEvent> forTarget(String targetType, Object targetId) {
        return list("targetType = ?1 and targetId = ?2 order by id", targetType, targetId.toString());
    }
}
