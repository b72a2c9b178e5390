package io.harmattan.proposal;

import io.harmattan.audit.AuditEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * An engagement offered to a prospect or client, as a series of versions. The proposal keeps the
 * latest version's number and state for lists, and which version the client may answer
 * ({@link #liveNumber}). Each state change is a method here that refuses what the workflow does
 * not allow, records the timeline and the audit log, and changes the versions concerned.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** PRO-2026-00042, given once the row has its id. */
    @Column(length = 20)
    public String reference;

    @Column(name = "lead_id")
    public Long leadId;

    @Column(name = "organisation_id")
    public Long organisationId;

    @Column(nullable = false, length = 100)
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "latest_number", nullable = false)
    public int latestNumber = 1;

    @Column(nullable = false, length = 16)
    public ProposalState state = ProposalState.DRAFT;

    @Column(name = "live_number")
    public Integer liveNumber;

    @Version
    public long version;

    /** Starts a proposal with its first version, a draft. */
    static Proposal start(Long leadId, Long organisationId, String author, ProposalVersion first, Instant now) {
        Proposal proposal = new Proposal();
        proposal.leadId = leadId;
        proposal.organisationId = organisationId;
        proposal.author = author;
        proposal.createdAt = now;
        proposal.persistAndFlush();
        proposal.reference = "PRO-" + now.atZone(ZoneOffset.UTC).getYear() + "-" + String.format("%05d", proposal.id);
        first.proposalId = proposal.id;
        first.number = 1;
        first.writtenBy = author;
        first.state = ProposalState.DRAFT;
        first.recompute();
        first.persist();
        ProposalEvent.record(proposal.id, 1, author, ProposalEvent.Kind.CREATED, null, now);
        AuditEvent.record(author, "proposal.created", "proposal", proposal.id,
                leadId != null ? "lead=" + leadId : "organisation=" + organisationId);
        return proposal;
    }

    /**
     * The proposal, its row locked until the transaction ends, so that answers queue one behind the
     * other. A plain SELECT ... FOR UPDATE: Hibernate's MySQL dialect writes "FOR UPDATE OF", which
     * MariaDB does not accept.
     */
    static Proposal locked(long id) {
        List<?> found = getEntityManager().createNativeQuery("SELECT id FROM proposal WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Proposal proposal = findById(id);
        getEntityManager().refresh(proposal);
        return proposal;
    }

    public ProposalVersion latest() {
        return ProposalVersion.of(id, latestNumber).orElseThrow();
    }

    public Optional<ProposalVersion> live() {
        return liveNumber == null ? Optional.empty() : ProposalVersion.of(id, liveNumber);
    }

    /** The draft's content was saved. */
    void edited(String by, Instant now) {
        ProposalVersion draft = latest();
        require(draft.state == ProposalState.DRAFT, "not-draft");
        draft.recompute();
        ProposalEvent.record(id, draft.number, by, ProposalEvent.Kind.EDITED, null, now);
    }

    void submit(String by, Instant now) {
        ProposalVersion draft = move(ProposalState.IN_REVIEW);
        require(!draft.lines.isEmpty(), "no-lines");
        draft.reviewComment = null;
        log(by, ProposalEvent.Kind.SUBMITTED, null, now);
    }

    /** Four eyes: whoever wrote, edited or started this version can never approve it. */
    void approve(String by, Instant now) {
        ProposalVersion version = latest();
        require(!by.equals(version.writtenBy) && !ProposalEvent.shaped(id, version.number, by), "own-proposal");
        require(!version.validUntil.isBefore(LocalDate.now(ZoneOffset.UTC)), "validity-past");
        move(ProposalState.APPROVED);
        log(by, ProposalEvent.Kind.APPROVED, null, now);
    }

    /** Back to draft with the reviewer's comment: from review, or from approved (say, its validity date passed). */
    void requestChanges(String by, String comment, Instant now) {
        require(!by.equals(latest().writtenBy), "own-proposal");
        require(latest().state == ProposalState.IN_REVIEW || latest().state == ProposalState.APPROVED, "not-now");
        ProposalVersion draft = move(ProposalState.DRAFT);
        draft.reviewComment = comment;
        log(by, ProposalEvent.Kind.CHANGES_REQUESTED, comment, now);
    }

    /** Freezes the approved version, fingerprints it, and puts it before the client; an earlier one is superseded. */
    void send(String by, Instant now) {
        ProposalVersion sending = latest();
        require(sending.state == ProposalState.APPROVED, "not-approved");
        require(!sending.validUntil.isBefore(LocalDate.now(ZoneOffset.UTC)), "validity-past");
        live().filter(v -> v.number != sending.number && v.state.awaitingClient()).ifPresent(old -> {
            old.state = ProposalState.SUPERSEDED;
        });
        sending.recompute();
        sending.contentHash = sending.canonicalHash();
        sending.sentAt = now;
        sending.sentBy = by;
        move(ProposalState.SENT);
        liveNumber = sending.number;
        log(by, ProposalEvent.Kind.SENT, sending.contentHash, now);
    }

    /** A new draft from the version the client has; the client can still answer that one until this is sent. */
    void revise(String by, Instant now) {
        ProposalVersion last = latest();
        require(last.state.awaitingClient() || last.state == ProposalState.DECLINED, "not-now");
        ProposalVersion next = last.revision(by);
        next.persist();
        latestNumber = next.number;
        state = ProposalState.DRAFT;
        log(by, ProposalEvent.Kind.REVISED, null, now);
    }

    /** Ends the proposal: every version still open is withdrawn. */
    void withdraw(String by, String reason, Instant now) {
        require(!state.isFinal(), "not-now");
        for (ProposalVersion v : ProposalVersion.allOf(id)) {
            if (!v.state.isFinal()) {
                v.state = ProposalState.WITHDRAWN;
            }
        }
        state = ProposalState.WITHDRAWN;
        log(by, ProposalEvent.Kind.WITHDRAWN, reason, now);
    }

    /** The client opened the live version for the first time. */
    boolean viewed(String by, Instant now) {
        Optional<ProposalVersion> live = live();
        if (live.isEmpty() || live.get().state != ProposalState.SENT) {
            return false;
        }
        live.get().state = ProposalState.VIEWED;
        if (latestNumber == live.get().number) {
            state = ProposalState.VIEWED;
        }
        ProposalEvent.record(id, live.get().number, by, ProposalEvent.Kind.VIEWED, null, now);
        AuditEvent.record(by, "proposal.viewed", "proposal", id, "version=" + live.get().number);
        return true;
    }

    /** The client's answer on the live version (the caller has already claimed it with a conditional update). */
    void answered(ProposalState answer, String by, String remark, Instant now) {
        ProposalVersion live = live().orElseThrow();
        if (answer == ProposalState.ACCEPTED) {
            // Accepted: a revision in progress has nothing left to offer.
            for (ProposalVersion v : ProposalVersion.allOf(id)) {
                if (v.number > live.number && !v.state.isFinal()) {
                    v.state = ProposalState.WITHDRAWN;
                }
            }
            state = answer;
        } else {
            // Declined or expired: a revision in progress carries on, and the proposal shows its state.
            state = latestNumber > live.number ? latest().state : answer;
        }
        ProposalEvent.record(id, live.number, by,
                answer == ProposalState.ACCEPTED ? ProposalEvent.Kind.ACCEPTED
                        : answer == ProposalState.DECLINED ? ProposalEvent.Kind.DECLINED : ProposalEvent.Kind.EXPIRED,
                remark, now);
        AuditEvent.record(by, "proposal." + answer.code(), "proposal", id, "version=" + live.number);
    }

    private ProposalVersion move(ProposalState to) {
        ProposalVersion latest = latest();
        require(latest.state.canMoveTo(to), "not-now");
        latest.state = to;
        state = to;
        return latest;
    }

    private void log(String by, ProposalEvent.Kind kind, String remark, Instant now) {
        ProposalEvent.record(id, latestNumber, by, kind, remark, now);
        AuditEvent.record(by, "proposal." + kind.code(), "proposal", id, "version=" + latestNumber);
    }

    private static void require(boolean condition, String code) {
        if (!condition) {
            throw new Refused(code);
        }
    }
}
