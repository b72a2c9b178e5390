package io.harmattan.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** One step in a lead's timeline, with who took it and when (UTC). */
@Entity
@Table(name = "lead_event")
public class LeadEvent extends PanacheEntityBase {

    public static final String STATUS = "status";
    public static final String ASSIGNED = "assigned";
    public static final String NOTE = "note";
    public static final String TAGS = "tags";
    public static final String MERGED_IN = "merged-in";
    public static final String MERGED_INTO = "merged-into";
    public static final String CONVERTED = "converted";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lead_id", nullable = false)
    public long leadId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 120)
    public String actor;

    @Column(nullable = false, length = 32)
    public String kind;

    /** What the step was about: the new status, the assignee, the note's text, the other lead's reference. */
    @Column(length = 4000)
    public String detail;

    public static LeadEvent record(long leadId, Instant at, String actor, String kind, String detail) {
        LeadEvent event = new LeadEvent();
        event.leadId = leadId;
        event.occurredAt = at;
        event.actor = actor;
        event.kind = kind;
        event.detail = detail;
        event.persist();
        return event;
    }

    public static List<LeadEvent> of(Collection<Long> leadIds) {
        return list("leadId in ?1 order by occurredAt, id", leadIds);
    }
}
