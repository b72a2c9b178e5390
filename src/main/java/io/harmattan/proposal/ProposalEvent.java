package io.harmattan.proposal;

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
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One step of a proposal's timeline: who did what to which version, and when (UTC). */
@Entity
@Immutable
@Table(name = "proposal_event")
public class ProposalEvent extends PanacheEntityBase {

    public enum Kind {
        CREATED, EDITED, SUBMITTED, CHANGES_REQUESTED, APPROVED, SENT, VIEWED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN,
        REVISED, REMINDED;

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

    @Column(name = "proposal_id", nullable = false)
    public long proposalId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 120)
    public String actor;

    @Column(nullable = false, length = 24)
    public Kind kind;

    @Column(length = 2000)
    public String remark;

    static void record(long proposalId, int versionNumber, String actor, Kind kind, String remark, Instant at) {
        ProposalEvent event = new ProposalEvent();
        event.proposalId = proposalId;
        event.versionNumber = versionNumber;
        event.actor = actor;
        event.kind = kind;
        event.remark = remark;
        event.occurredAt = at;
        event.persist();
    }

    /** Whether this person created, edited or revised into this version: their approval would not be a second pair of eyes. */
    static boolean shaped(long proposalId, int versionNumber, String actor) {
        return count("proposalId = ?1 and versionNumber = ?2 and actor = ?3 and kind in ?4", proposalId, versionNumber, actor,
                List.of(Kind.CREATED, Kind.EDITED, Kind.REVISED)) > 0;
    }

    public static List<ProposalEvent> of(long proposalId) {
        return list("proposalId = ?1 order by id", proposalId);
    }
}
