package io.harmattan.lead;

import io.harmattan.persistence.CodedEnum;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** One step in a lead's timeline, with who took it and when (UTC). Written only by {@link Lead}'s life cycle. */
@Entity
@Table(name = "lead_event")
public class LeadEvent extends PanacheEntityBase {

    public enum Kind {
        STATUS, ASSIGNED, NOTE, TAGS, MERGED_IN, MERGED_INTO, CONVERTED, PROPOSAL_SENT, PROPOSAL_ACCEPTED, PROPOSAL_DECLINED;

        public String code() {
            return CodedEnum.code(this);
        }

        @Converter(autoApply = true)
        public static class Column extends CodedEnum.Column<Kind> {
            public Column() {
                super(Kind.class);
            }
        }
    }

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
    public Kind kind;

    /**
     * The step's parameter, a code or a name: the new status, the assignee, the other lead's
     * reference, the organisation, the corrected sectors and countries.
     */
    @Column(length = 4000)
    public String detail;

    /** What a person wrote: a note, the reason for a disqualification. */
    @Column(length = 4000)
    public String remark;

    static void record(long leadId, Instant at, String actor, Kind kind, String detail, String remark) {
        LeadEvent event = new LeadEvent();
        event.leadId = leadId;
        event.occurredAt = at;
        event.actor = actor;
        event.kind = kind;
        event.detail = detail;
        event.remark = remark;
        event.persist();
    }

    public static List<LeadEvent> of(Collection<Long> leadIds) {
        return list("leadId in ?1 order by occurredAt, id", leadIds);
    }
}
