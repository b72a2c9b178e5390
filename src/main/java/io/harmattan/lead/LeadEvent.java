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
import java.util.Optional;

/** One step in a lead's timeline, with who took it and when (UTC). Written only by {@link Lead}'s life cycle. */
@Entity
@Table(name = "lead_event")
public class LeadEvent extends PanacheEntityBase {

    public enum Kind {
        STATUS, ASSIGNED, NOTE, TAGS, MERGED_IN, MERGED_INTO, CONVERTED, PROPOSAL_SENT, PROPOSAL_ACCEPTED, PROPOSAL_DECLINED,
        /** A mail to the prospect: detail its subject, remark its text. */
        EMAILED,
        /** A call or a meeting with the prospect: detail its minutes, remark its outcome. */
        CALL, MEETING,
        /** A follow-up task: detail its assignee, remark its title. */
        TASK_ADDED,
        /** A follow-up done: remark its title. */
        TASK_DONE;

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
     * reference, the organisation, the corrected sectors and countries, a mail's subject, a call's minutes.
     */
    @Column(length = 4000)
    public String detail;

    /** What a person wrote: a note, the reason for a disqualification, a mail's text, a call's outcome. */
    @Column(columnDefinition = "TEXT")
    public String remark;

    /** Why a lead was disqualified, on the status event that did it. */
    @Column(length = 20)
    public DisqualifyReason reason;

    static void record(long leadId, Instant at, String actor, Kind kind, String detail, String remark) {
        record(leadId, at, actor, kind, detail, remark, null);
    }

    static void record(long leadId, Instant at, String actor, Kind kind, String detail, String remark, DisqualifyReason reason) {
        LeadEvent event = new LeadEvent();
        event.reason = reason;
        event.leadId = leadId;
        event.occurredAt = at;
        event.actor = actor;
        event.kind = kind;
        event.detail = detail;
        event.remark = remark;
        event.persist();
    }

    /** The kinds of event that are a real contact with the prospect. */
    static final List<Kind> CONTACTS = List.of(Kind.EMAILED, Kind.CALL, Kind.MEETING);

    /** When the lead's first real contact took place, if any. */
    static Optional<Instant> firstContact(long leadId) {
        return Optional.ofNullable(getEntityManager().createQuery(
                "select min(e.occurredAt) from LeadEvent e where e.leadId = ?1 and e.kind in ?2", Instant.class)
                .setParameter(1, leadId).setParameter(2, CONTACTS).getSingleResult());
    }

    public static List<LeadEvent> of(Collection<Long> leadIds) {
        return list("leadId in ?1 order by occurredAt, id", leadIds);
    }
}
